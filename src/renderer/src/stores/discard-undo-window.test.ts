import { describe, expect, it } from 'vitest';
import type { LifelineApi } from '../../../shared/contract';
import { itemSummary } from '../../../shared/contract/item-summary-fixture';
import { createDiscardUndoStore, type UndoTimers } from './discard-undo-store';

// README, Dead letters: "a single Discard can be undone for 10 s" (and the item's actions say the
// same). discard-undo-store.test.ts checks the rule against the store's own constant; this pins the
// figure the user reads, so a shorter or longer window fails here.
describe('the undo window a user is promised', () => {
  it('is 10 s: an Undo at 9.9 s keeps the item, and the discard is sent at 10 s', async () => {
    let now = 0;
    let ids = 0;
    const due: { at: number; fn: () => void; id: number }[] = [];
    const timers: UndoTimers = {
      now: () => now,
      setTimeout: (fn, ms) => {
        due.push({ at: now + ms, fn, id: ++ids });
        return ids;
      },
      clearTimeout: (h) => {
        const i = due.findIndex((d) => d.id === h);
        if (i >= 0) due.splice(i, 1);
      },
    };
    const advanceTo = (t: number) => {
      now = t;
      for (const d of due.filter((x) => x.at <= now)) {
        due.splice(due.indexOf(d), 1);
        d.fn();
      }
    };
    const calls: unknown[] = [];
    const api = {
      call: (channel: string, request: { id: number }) => {
        calls.push([channel, request]);
        return Promise.resolve({ ok: true, value: itemSummary(request.id, 'discarded') });
      },
    } as unknown as LifelineApi;
    const store = createDiscardUndoStore(api, timers);

    store.getState().discard({ id: 1, fileName: 'kept.wav' });
    store.getState().discard({ id: 2, fileName: 'gone.wav' });
    advanceTo(9_900);
    store.getState().undo(1);
    advanceTo(9_999);
    expect(calls).toEqual([]);
    advanceTo(10_000);
    await new Promise((r) => setTimeout(r, 0));
    expect(calls).toEqual([['items:discard', { id: 2 }]]);
  });
});
