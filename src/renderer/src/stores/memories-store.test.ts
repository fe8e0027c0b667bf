import { describe, expect, it } from 'vitest';
import type { ChannelName, LifelineApi, RequestOf, Result, SearchHit } from '../../../shared/contract';
import { createDebounce } from './debounce';
import { LatestRequest } from './latest-request';
import { createMemoriesStore, searchDelayMs, searchIsCurrent } from './memories-store';

function fakeTimers() {
  let now = 0;
  let queue: { at: number; fn: () => void }[] = [];
  return {
    now: () => now,
    setTimeout(fn: () => void, ms: number) {
      const entry = { at: now + ms, fn };
      queue.push(entry);
      return entry;
    },
    clearTimeout(handle: unknown) {
      queue = queue.filter((e) => e !== handle);
    },
    advance(ms: number) {
      now += ms;
      const due = queue.filter((e) => e.at <= now);
      queue = queue.filter((e) => e.at > now);
      for (const e of due) e.fn();
    },
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

const hit = (text: string): SearchHit => ({
  itemId: 1,
  fileName: 'a.wav',
  kind: 'transcript',
  snippet: text,
  marked: text,
  text,
  start: 0,
  at: null,
  allDay: false,
  rank: -1,
  match: 'all',
  transcript: null,
});

/** An API whose search answers wait until the test releases them, in any order. */
function fakeApi() {
  const pending: { query: string; kind: string | undefined; answer(): void }[] = [];
  const calls: { channel: ChannelName; request: unknown }[] = [];
  const api = {
    transport: 'headless',
    audioUrl: () => '',
    subscribe: () => () => {},
    call: (channel: ChannelName, request: RequestOf<ChannelName>) => {
      calls.push({ channel, request });
      if (channel === 'search:query') {
        const { query, kind } = request as RequestOf<'search:query'>;
        return new Promise<Result<unknown>>((resolve) => {
          pending.push({
            query,
            kind,
            answer: () => resolve({ ok: true, value: { hits: [hit(`${query} ${kind ?? 'all'}`)], exactCount: 1 } }),
          });
        });
      }
      if (channel === 'memories:list')
        return Promise.resolve({ ok: true, value: { memories: [], nextCursor: null, total: 0 } });
      return Promise.resolve({ ok: false, error: { code: 'INTERNAL', message: channel } });
    },
  } as unknown as LifelineApi;
  return { api, pending, calls };
}

describe('searching memories as the user types', () => {
  it('waits for typing to pause, then searches once for what is in the box', () => {
    const timers = fakeTimers();
    const { api, pending } = fakeApi();
    const store = createMemoriesStore(api, timers);
    for (const text of ['d', 'de', 'den', 'dentist']) {
      store.getState().setInput(text);
      timers.advance(100);
    }
    expect(pending).toHaveLength(0);
    timers.advance(searchDelayMs);
    expect(pending.map((p) => p.query)).toEqual(['dentist']);
  });

  it('never shows an older query’s answer that arrives after a newer one', async () => {
    const timers = fakeTimers();
    const { api, pending } = fakeApi();
    const store = createMemoriesStore(api, timers);
    store.getState().setInput('milk');
    store.getState().submit();
    store.getState().setInput('dentist');
    store.getState().submit();
    pending[1]!.answer();
    await settle();
    pending[0]!.answer();
    await settle();
    expect(store.getState().search.hits.map((h) => h.text)).toEqual(['dentist all']);
    expect(searchIsCurrent(store.getState())).toBe(true);
  });

  it('does not present old hits as answers while a new query is still being typed', async () => {
    const timers = fakeTimers();
    const { api, pending } = fakeApi();
    const store = createMemoriesStore(api, timers);
    store.getState().setInput('milk');
    store.getState().submit();
    pending[0]!.answer();
    await settle();
    store.getState().setInput('milkshake');
    expect(searchIsCurrent(store.getState())).toBe(false);
    store.getState().setKind('todo');
    expect(pending.at(-1)).toMatchObject({ query: 'milkshake', kind: 'todo' });
  });

  it('drops a pending search when the box is emptied, and browses instead', async () => {
    const timers = fakeTimers();
    const { api, pending, calls } = fakeApi();
    const store = createMemoriesStore(api, timers);
    store.getState().setInput('milk');
    store.getState().submit();
    store.getState().setInput('');
    pending[0]!.answer();
    await settle();
    expect(store.getState().search.hits).toEqual([]);
    expect(calls.map((c) => c.channel)).toContain('memories:list');
    expect(store.getState().browse.status).toBe('ready');
  });
});

describe('request tickets and debouncing', () => {
  it('only the newest ticket is current, and invalidating makes all stale', () => {
    const latest = new LatestRequest();
    const a = latest.issue();
    const b = latest.issue();
    expect(latest.isLatest(a)).toBe(false);
    expect(latest.isLatest(b)).toBe(true);
    latest.invalidate();
    expect(latest.isLatest(b)).toBe(false);
  });

  it('a flush runs a scheduled call at once, and only once', () => {
    const timers = fakeTimers();
    let runs = 0;
    const d = createDebounce(() => runs++, 100, timers);
    d.schedule();
    d.flush();
    timers.advance(200);
    d.flush();
    expect(runs).toBe(1);
  });
});
