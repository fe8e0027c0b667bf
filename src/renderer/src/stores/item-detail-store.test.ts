import { describe, expect, it } from 'vitest';
import type { ChannelName, ItemState, LifelineApi, Result } from '../../../shared/contract';
import { createItemDetailStore } from './item-detail-store';

/**
 * One item on a fake server that answers as the real one does: a single-item action on an item in the
 * wrong state is a 409 (which the browser logs as an error), `items:bulk` says it was left as it was.
 * `engine` runs between the page's read and its action, as the real engine may.
 */
function fakeServer(start: { state: ItemState; updatedAt: string }) {
  const item = { id: 7, fileName: 'walk.wav', stage: 'transcribe', error: null, ...start };
  const refused: string[] = [];
  let clock = 0;
  const at = () => `2026-01-01T00:01:${String(++clock).padStart(2, '0')}.000Z`;
  const allowed: Record<string, ItemState[]> = {
    retry: ['dead', 'cancelled'],
    cancel: ['waiting', 'queued', 'scheduled', 'running', 'retry_scheduled'],
    discard: ['queued', 'scheduled', 'running', 'retry_scheduled', 'waiting', 'done', 'dead', 'cancelled'],
  };
  const next: Record<string, ItemState> = { retry: 'queued', cancel: 'cancelled', discard: 'discarded' };
  const server = {
    item,
    refused,
    /** What the engine does before the page's next call arrives. */
    engine: (state: ItemState) => Object.assign(item, { state, updatedAt: at() }),
    afterAction: null as null | (() => void),
  };
  const answer = (channel: ChannelName, req: { action?: string }): Result<unknown> => {
    const single = channel.replace('items:', '');
    if (channel === 'items:get') return { ok: true, value: { ...item } };
    if (channel === 'items:pipeline') return { ok: true, value: { recoveries: [] } };
    if (channel === 'items:bulk') {
      const action = req.action!;
      if (!allowed[action]!.includes(item.state)) {
        return {
          ok: true,
          value: { action, changed: 0, skipped: 1, skippedByState: { [item.state]: 1 }, notFound: 0 },
        };
      }
      server.engine(next[action]!);
      server.afterAction?.();
      return { ok: true, value: { action, changed: 1, skipped: 0, skippedByState: {}, notFound: 0 } };
    }
    if (channel === 'recovery:recoverItem') {
      const recovery = (why: string, strategy: string, result: string) => ({
        ok: true as const,
        value: { itemId: 7, stage: 'transcribe', rule: 'manual', why, strategy, result },
      });
      if (item.state === 'running') {
        server.engine('queued');
        return recovery('recover now', 'restart', 'requeued');
      }
      if (!(req as { ifStillRunning?: true }).ifStillRunning) {
        refused.push(`${channel}: 409`);
        return { ok: false, error: { code: 'INVALID_STATE', message: `item 7 is ${item.state}` } };
      }
      return recovery(`it is ${item.state}`, 'none', 'lost_race');
    }
    if (single in allowed) {
      if (!allowed[single]!.includes(item.state)) {
        refused.push(`${channel}: 409`);
        return { ok: false, error: { code: 'INVALID_STATE', message: `item 7 is ${item.state}` } };
      }
      server.engine(next[single]!);
      const written = { ...item };
      server.afterAction?.();
      return { ok: true, value: written };
    }
    return { ok: false, error: { code: 'INTERNAL', message: channel } };
  };
  const api = {
    transport: 'headless',
    audioUrl: () => '',
    subscribe: () => () => {},
    call: (channel: ChannelName, req: { action?: string }) => Promise.resolve(answer(channel, req)),
  } as unknown as LifelineApi;
  return { api, server };
}

async function opened(api: LifelineApi) {
  const store = createItemDetailStore(api);
  store.getState().open(7);
  await store.getState().reload();
  return store;
}

describe('the item screen’s actions in a race with the engine', () => {
  it('Cancel on an item that finished meanwhile is no refused call: the screen says it was left as it was', async () => {
    const { api, server } = fakeServer({ state: 'running', updatedAt: '2026-01-01T00:00:00.000Z' });
    const store = await opened(api);
    expect(store.getState().item?.state).toBe('running');

    server.engine('done');
    await store.getState().act('cancel');

    expect(server.refused).toEqual([]);
    expect(store.getState().actionError).toBeNull();
    expect(store.getState().notice).toBe('walk.wav was left as it was: it is done now.');
    expect(store.getState().item?.state).toBe('done');
  });

  it('Cancel in time cancels it', async () => {
    const { api, server } = fakeServer({ state: 'running', updatedAt: '2026-01-01T00:00:00.000Z' });
    const store = await opened(api);
    await store.getState().act('cancel');
    expect(server.refused).toEqual([]);
    expect(store.getState().notice).toBe('walk.wav was cancelled.');
    expect(store.getState().item?.state).toBe('cancelled');
  });

  it('Retry on a dead letter another tab retried is no refused call either', async () => {
    const { api, server } = fakeServer({ state: 'dead', updatedAt: '2026-01-01T00:00:00.000Z' });
    const store = await opened(api);
    server.engine('running');
    await store.getState().act('retry');
    expect(server.refused).toEqual([]);
    expect(store.getState().actionError).toBeNull();
    expect(store.getState().notice).toBe('walk.wav was left as it was: it is running now.');
  });

  it('a retried item that dies again before the screen reloads is said to have failed again', async () => {
    const { api, server } = fakeServer({ state: 'dead', updatedAt: '2026-01-01T00:00:00.000Z' });
    const store = await opened(api);
    // The bad file fails at once: dead again before the reload that follows the retry.
    server.afterAction = () => {
      server.afterAction = null;
      server.engine('dead');
    };
    await store.getState().act('retry');
    expect(server.refused).toEqual([]);
    expect(store.getState().item?.state).toBe('dead');
    expect(store.getState().notice).toBe('walk.wav failed again after the retry: no error recorded.');
  });

  it('Recover now on an item that finished as it was clicked is no refused call either', async () => {
    const { api, server } = fakeServer({ state: 'running', updatedAt: '2026-01-01T00:00:00.000Z' });
    const store = await opened(api);
    server.engine('done');
    await store.getState().recover();
    expect(server.refused).toEqual([]);
    expect(store.getState().actionError).toBeNull();
    expect(store.getState().notice).toBe(
      'walk.wav was left as it was: it had already moved on by itself (it is done).',
    );
    expect(store.getState().item?.state).toBe('done');
  });

  it('Recover now in time recovers it', async () => {
    const { api, server } = fakeServer({ state: 'running', updatedAt: '2026-01-01T00:00:00.000Z' });
    const store = await opened(api);
    await store.getState().recover();
    expect(server.refused).toEqual([]);
    expect(store.getState().notice).toBe('walk.wav was recovered: its stage starts over; back in the queue.');
  });
});
