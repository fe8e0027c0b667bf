import type { ItemSortKey, ItemsFilter, ItemState, ItemSummary, SortDirection, Stage } from '../../../shared/contract';

/** What the Items screen shows: its filter and sort, as the user set them. */
export interface ItemsQuery {
  state?: ItemState;
  stage?: Stage;
  /** Part of the file name, as typed. */
  q: string;
  sort: ItemSortKey;
  direction: SortDirection;
}

export const defaultQuery: ItemsQuery = { q: '', sort: 'age', direction: 'desc' };

export function queryFilter(q: ItemsQuery): ItemsFilter {
  const text = q.q.trim();
  return { state: q.state, stage: q.stage, q: text === '' ? undefined : text };
}

/** Identifies a query: rows and counts loaded for one key never show under another. */
export function queryKey(q: ItemsQuery): string {
  const f = queryFilter(q);
  return JSON.stringify([f.state ?? '', f.stage ?? '', f.q ?? '', q.sort, q.direction]);
}

/** Whether an item belongs in a filter's list (the server's rule, for pushed changes). */
export function matchesFilter(filter: ItemsFilter, item: ItemSummary): boolean {
  if (filter.state ? item.state !== filter.state : item.state === 'discarded') return false;
  if (filter.stage && item.stage !== filter.stage) return false;
  if (filter.errorCode && (item.error?.code ?? 'NO_ERROR_RECORDED') !== filter.errorCode) return false;
  if (filter.q && !item.fileName.toLowerCase().includes(filter.q.toLowerCase())) return false;
  return true;
}
