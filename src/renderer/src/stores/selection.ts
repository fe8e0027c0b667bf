import type { BulkTarget, ItemsFilter } from '../../../shared/contract';

/**
 * What the user has ticked: items one by one, or "every item matching the filter" (minus the ones
 * unticked since), which stays meaningful at 100,000 items because it is never a list of ids.
 */
export type Selection =
  { mode: 'ids'; ids: ReadonlySet<number> } | { mode: 'all'; filter: ItemsFilter; except: ReadonlySet<number> };

export const noSelection: Selection = { mode: 'ids', ids: new Set() };

export function isSelected(s: Selection, id: number): boolean {
  return s.mode === 'ids' ? s.ids.has(id) : !s.except.has(id);
}

export function toggle(s: Selection, id: number): Selection {
  if (s.mode === 'ids') {
    const ids = new Set(s.ids);
    if (!ids.delete(id)) ids.add(id);
    return { mode: 'ids', ids };
  }
  const except = new Set(s.except);
  if (!except.delete(id)) except.add(id);
  return { mode: 'all', filter: s.filter, except };
}

/** Ticks (or, when all are ticked already, unticks) the given rows. */
export function toggleMany(s: Selection, ids: readonly number[]): Selection {
  const allOn = ids.length > 0 && ids.every((id) => isSelected(s, id));
  let next = s;
  for (const id of ids) if (isSelected(next, id) === allOn) next = toggle(next, id);
  return next;
}

export function selectedCount(s: Selection, matching: number): number {
  return s.mode === 'ids' ? s.ids.size : Math.max(0, matching - s.except.size);
}

/** The contract's target for a bulk action over this selection, or null when nothing is ticked. */
export function bulkTarget(s: Selection): BulkTarget | null {
  if (s.mode === 'all')
    return { kind: 'filter', filter: s.filter, except: s.except.size > 0 ? [...s.except] : undefined };
  return s.ids.size > 0 ? { kind: 'ids', ids: [...s.ids] } : null;
}
