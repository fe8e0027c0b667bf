import { describe, expect, it } from 'vitest';
import type { ChannelName, LifelineApi, Result, UpcomingEntry, UpcomingList } from '../../../shared/contract';
import { createUpcomingStore } from './upcoming-store';

const entry = (memoryId: number, done = false): UpcomingEntry => ({
  memoryId,
  itemId: 1,
  fileName: 'a.wav',
  kind: 'todo',
  text: `to-do ${memoryId}`,
  at: null,
  allDay: false,
  day: null,
  start: 2,
  done,
  doneAt: null,
});

const list: UpcomingList = {
  today: '2026-12-07',
  groups: [{ bucket: 'undated', entries: [entry(1), entry(2)], total: 2 }],
};

/** An API whose `upcoming:setDone` answers when the test says, with what it says. */
function fakeApi() {
  let answer: (r: Result<unknown>) => void = () => undefined;
  const sent: unknown[] = [];
  const api = {
    transport: 'headless',
    audioUrl: () => '',
    subscribe: () => () => {},
    call: (channel: ChannelName, request: unknown) => {
      if (channel === 'upcoming:list') return Promise.resolve({ ok: true, value: list });
      sent.push(request);
      return new Promise<Result<unknown>>((resolve) => (answer = resolve));
    },
  } as unknown as LifelineApi;
  return { api, sent, answer: (r: Result<unknown>) => answer(r) };
}

const done = (s: ReturnType<typeof createUpcomingStore>, id: number) =>
  s.getState().list!.groups[0]!.entries.find((e) => e.memoryId === id)!.done;

describe('the Upcoming store', () => {
  it('shows a tick at once and keeps it when it is saved', async () => {
    const f = fakeApi();
    const store = createUpcomingStore(f.api);
    await store.getState().load();
    const saving = store.getState().setDone(2, true);
    expect(done(store, 2)).toBe(true);
    expect(store.getState().saving.has(2)).toBe(true);
    f.answer({ ok: true, value: { memoryId: 2, done: true, doneAt: '2026-12-07T12:00:00.000Z' } });
    await saving;
    expect(done(store, 2)).toBe(true);
    expect(store.getState().saving.size).toBe(0);
  });

  it('puts the tick back and says why when it could not be saved', async () => {
    const f = fakeApi();
    const store = createUpcomingStore(f.api);
    await store.getState().load();
    const saving = store.getState().setDone(1, true);
    f.answer({ ok: false, error: { code: 'NOT_FOUND', message: 'there is no memory 1' } });
    await saving;
    expect(done(store, 1)).toBe(false);
    expect(store.getState().actionError).toMatch(/^The tick could not be saved\./);
  });

  it('sends the entry as it showed it, so a tick still lands on those words after Extract again renumbered the memories', async () => {
    const f = fakeApi();
    const store = createUpcomingStore(f.api);
    await store.getState().load();
    const saving = store.getState().setDone(2, true);
    expect(f.sent).toEqual([{ memoryId: 2, done: true, shown: { itemId: 1, text: 'to-do 2' } }]);
    f.answer({ ok: true, value: { memoryId: 2, done: true, doneAt: '2026-12-07T12:00:00.000Z' } });
    await saving;
  });
});
