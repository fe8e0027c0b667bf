import { describe, expect, it } from 'vitest';
import type { ItemState, ItemSummary } from '../../../shared/contract';
import { applyItemChanges } from './dead-letter-list';
import { itemSummary } from '../../../shared/contract/item-summary-fixture';

const item = (id: number, state: ItemState, updatedAt: string): ItemSummary => itemSummary(id, state, { updatedAt });

describe('applyItemChanges', () => {
  it('adds an item that died and keeps the newest first', () => {
    const list = [item(1, 'dead', '2026-01-01T00:00:01.000Z')];
    const next = applyItemChanges(list, [item(2, 'dead', '2026-01-01T00:00:02.000Z')]);
    expect(next.map((i) => i.id)).toEqual([2, 1]);
  });

  it('takes an item off the list when it is retried', () => {
    const list = [item(1, 'dead', '2026-01-01T00:00:01.000Z')];
    expect(applyItemChanges(list, [item(1, 'queued', '2026-01-01T00:00:02.000Z')])).toEqual([]);
  });

  it('ignores a change older than what is shown', () => {
    const shown = item(1, 'dead', '2026-01-01T00:00:05.000Z');
    expect(applyItemChanges([shown], [item(1, 'queued', '2026-01-01T00:00:02.000Z')])).toEqual([shown]);
  });

  it('ignores items that are not dead and not shown', () => {
    expect(applyItemChanges([], [item(3, 'done', '2026-01-01T00:00:02.000Z')])).toEqual([]);
  });
});
