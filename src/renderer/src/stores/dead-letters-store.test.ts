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

  describe('a row’s Retry or Discard in a race with another tab', () => {
    /** A server with one dead letter that answers like the real one: a single-item call on an item in the wrong state is a 409. */
    function server(start: ItemSummary) {
      let now = start;
      const refused: string[] = [];
      const api = {
        transport: 'headless',
        audioUrl: () => '',
        subscribe: () => () => {},
        call: (channel: ChannelName, req: { action?: string }) => {
          const dead = now.state === 'dead';
          switch (channel) {
            case 'items:errorGroups':
              return Promise.resolve({
                ok: true,
                value: {
                  groups: dead
                    ? [{ code: 'SOURCE_MISSING', count: 1, stages: ['ingest'], example: 'gone', lastAt: now.updatedAt }]
                    : [],
                },
              });
            case 'items:list':
              return Promise.resolve({ ok: true, value: { items: dead ? [now] : [], nextCursor: null } });
            case 'items:retry':
              if (!dead) {
                refused.push('items:retry: 409');
                return Promise.resolve({
                  ok: false,
                  error: { code: 'INVALID_STATE', message: `item 1 is ${now.state}` },
                });
              }
              now = { ...item(1, 'queued', '2026-01-01T00:00:09.000Z'), stage: 'ingest' };
              return Promise.resolve({ ok: true, value: now });
            case 'items:bulk': {
              const applies = req.action === 'discard' || dead;
              if (!applies) {
                return Promise.resolve({
                  ok: true,
                  value: {
                    action: req.action,
                    changed: 0,
                    skipped: 1,
                    skippedByState: { [now.state]: 1 },
                    notFound: 0,
                  },
                });
              }
              now = item(1, req.action === 'retry' ? 'queued' : 'discarded', '2026-01-01T00:00:09.000Z');
              return Promise.resolve({
                ok: true,
                value: { action: req.action, changed: 1, skipped: 0, skippedByState: {}, notFound: 0 },
              });
            }
            default:
              return Promise.resolve({ ok: false, error: { code: 'INTERNAL', message: channel } });
          }
        },
      } as unknown as LifelineApi;
      return {
        api,
        refused,
        /** Another tab (or `lifeline retry`) acts first. */
        elsewhere: (next: ItemSummary) => (now = next),
      };
    }

    it('Retry on a row another tab retried meanwhile is no refused call: it says the item was left as it was', async () => {
      const s = server(item(1, 'dead', '2026-01-01T00:00:01.000Z'));
      const store = createDeadLettersStore(s.api);
      await store.getState().load();
      s.elsewhere(item(1, 'queued', '2026-01-01T00:00:05.000Z'));
      await store.getState().retry(1);
      expect(s.refused).toEqual([]);
      expect(store.getState().actionError).toBeNull();
      expect(store.getState().notice?.text).toMatch(/was left as it was: it is queued now\.$/);
      expect(store.getState().pending).toEqual({});
      expect(store.getState().retried).toEqual([]);
    });

    it('Retry in time puts it in Recently retried, and says so when it dies again', async () => {
      const s = server(item(1, 'dead', '2026-01-01T00:00:01.000Z'));
      const store = createDeadLettersStore(s.api);
      await store.getState().load();
      await store.getState().retry(1);
      expect(s.refused).toEqual([]);
      expect(store.getState().notice?.text).toMatch(/is back in the queue at the ingest stage\.$/);
      expect(store.getState().retried.map((i) => i.id)).toEqual([1]);
      expect(store.getState().pending).toEqual({});
      // Its pushed changes: running again, then dead again.
      store.getState().applyChanges([item(1, 'running', '2026-01-01T00:00:10.000Z')]);
      expect(store.getState().retried.map((i) => i.state)).toEqual(['running']);
      store.getState().applyChanges([item(1, 'dead', '2026-01-01T00:00:11.000Z')]);
      expect(store.getState().notice).toEqual({
        text: expect.stringMatching(/failed again after the retry: SOURCE_MISSING\.$/),
        tone: 'failed',
      });
    });
  });
});
