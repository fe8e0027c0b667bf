import { describe, expect, it } from 'vitest';
import type { ChannelName, ItemState, ItemSummary, LifelineApi, Result } from '../../../shared/contract';
import { createDeadLettersStore } from './dead-letters-store';
import { itemSummary } from '../../../shared/contract/item-summary-fixture';

function item(id: number, state: ItemState, updatedAt: string): ItemSummary {
  return itemSummary(id, state, {
    updatedAt,
    stage: state === 'dead' ? 'ingest' : 'transcribe',
    error: state === 'dead' ? { code: 'SOURCE_MISSING', message: 'gone' } : null,
    waitReason: state === 'waiting' ? 'no transcription engine configured' : null,
  });
}

describe('the dead letters store', () => {
  it('shows a retried group’s items as they are now, even when the engine finished them before the retry’s reply came', async () => {
    const dead = item(1, 'dead', '2026-01-01T00:00:01.000Z');
    let replyToBulk: (r: Result<unknown>) => void = () => {};
    const api = {
      transport: 'headless',
      audioUrl: () => '',
      subscribe: () => () => {},
      call: (channel: ChannelName) => {
        switch (channel) {
          case 'items:errorGroups':
            return Promise.resolve({
              ok: true,
              value: {
                groups: [
                  { code: 'SOURCE_MISSING', count: 1, stages: ['ingest'], example: 'gone', lastAt: dead.updatedAt },
                ],
              },
            });
          case 'items:list':
            return Promise.resolve({ ok: true, value: { items: [dead], nextCursor: null } });
          case 'items:bulk':
            return new Promise((resolve) => (replyToBulk = resolve));
          default:
            return Promise.resolve({ ok: false, error: { code: 'INTERNAL', message: channel } });
        }
      },
    } as unknown as LifelineApi;
    const store = createDeadLettersStore(api);
    await store.getState().load();
    const retrying = store.getState().retryGroup('SOURCE_MISSING');
    // Pushed while the bulk call is still on the wire: retried, and already through ingest.
    store.getState().applyChanges([item(1, 'waiting', '2026-01-01T00:00:03.000Z')]);
    expect(store.getState().lists.SOURCE_MISSING?.items).toEqual([]);
    replyToBulk({ ok: true, value: { action: 'retry', changed: 1, skipped: 0, skippedByState: {}, notFound: 0 } });
    await retrying;
    expect(store.getState().retried.map((i) => i.state)).toEqual(['waiting']);
  });

  it('an item that dies while the first load is on the wire still shows: the store loads once more', async () => {
    const dead = item(7, 'dead', '2026-01-01T00:00:05.000Z');
    let groupsCalls = 0;
    let replyToFirst: (r: Result<unknown>) => void = () => {};
    const api = {
      transport: 'headless',
      audioUrl: () => '',
      subscribe: () => () => {},
      call: (channel: ChannelName) => {
        if (channel !== 'items:errorGroups')
          return Promise.resolve({ ok: true, value: { items: [dead], nextCursor: null } });
        groupsCalls++;
        // The first answer was read before item 7 died; later ones see it.
        if (groupsCalls === 1) return new Promise((resolve) => (replyToFirst = resolve));
        return Promise.resolve({
          ok: true,
          value: {
            groups: [{ code: 'SOURCE_MISSING', count: 1, stages: ['ingest'], example: 'gone', lastAt: dead.updatedAt }],
          },
        });
      },
    } as unknown as LifelineApi;
    const store = createDeadLettersStore(api);
    const first = store.getState().load();
    store.getState().applyChanges([dead]);
    replyToFirst({ ok: true, value: { groups: [] } });
    await first;
    await expect.poll(() => store.getState().groups.map((g) => g.code), { timeout: 2_000 }).toEqual(['SOURCE_MISSING']);
  });
});
