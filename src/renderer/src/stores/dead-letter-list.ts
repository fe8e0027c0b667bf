import type { ItemSummary } from '../../../shared/contract';

/**
 * A list of items after some items changed: a changed item that `belongs` is added or replaced, any
 * other takes it off the list. A change older than what the list already shows (by `updatedAt`) is
 * ignored, so a late reply cannot undo a newer pushed event. Newest item first.
 */
export function applyItemChanges(
  list: readonly ItemSummary[],
  changes: readonly ItemSummary[],
  belongs: (item: ItemSummary) => boolean = (item) => item.state === 'dead',
): ItemSummary[] {
  const byId = new Map(list.map((item) => [item.id, item]));
  for (const change of changes) {
    const shown = byId.get(change.id);
    if (shown && shown.updatedAt > change.updatedAt) continue;
    if (belongs(change)) byId.set(change.id, change);
    else byId.delete(change.id);
  }
  return [...byId.values()].sort((a, b) => b.id - a.id);
}
