import {
  itemSortKeys,
  itemStates,
  memoryKinds,
  stages,
  type ItemSortKey,
  type ItemState,
  type SortDirection,
  type Stage,
} from '../../../shared/contract';
import type { ItemsQuery } from '../stores/items-query';
import type { KindFilter } from '../stores/memories-store';

/**
 * What each list screen shows, in the address after its route (`#/items?state=dead&sort=priority`),
 * so a reload, a bookmark, a new tab or the back button shows the same list. Each screen's query is
 * written with its defaults left out (the plain route means "as it starts") and read leniently:
 * a value that is not one of the screen's choices is dropped, never guessed at.
 */

const oneOf = <T extends string>(choices: readonly T[], raw: string | null): T | undefined =>
  raw !== null && (choices as readonly string[]).includes(raw) ? (raw as T) : undefined;

const written = (params: URLSearchParams): string => params.toString();

/** Items: state, stage, search text, sort and direction. */
export function itemsQueryFromAddress(raw: string): ItemsQuery {
  const p = new URLSearchParams(raw);
  const sort = oneOf<ItemSortKey>(itemSortKeys, p.get('sort')) ?? 'age';
  const direction = oneOf<SortDirection>(['asc', 'desc'], p.get('dir')) ?? 'desc';
  const query: ItemsQuery = { q: p.get('q') ?? '', sort, direction };
  const state = oneOf<ItemState>(itemStates, p.get('state'));
  const stage = oneOf<Stage>(stages, p.get('stage'));
  if (state) query.state = state;
  if (stage) query.stage = stage;
  return query;
}

export function itemsQueryToAddress(query: ItemsQuery): string {
  const p = new URLSearchParams();
  if (query.state) p.set('state', query.state);
  if (query.stage) p.set('stage', query.stage);
  if (query.q !== '') p.set('q', query.q);
  if (query.sort !== 'age') p.set('sort', query.sort);
  if (query.direction !== 'desc') p.set('dir', query.direction);
  return written(p);
}

/** Memories: what is in the search box and the kind chosen. */
export interface MemoriesAddress {
  q: string;
  kind: KindFilter;
}

export function memoriesQueryFromAddress(raw: string): MemoriesAddress {
  const p = new URLSearchParams(raw);
  const q = p.get('q') ?? '';
  // Transcript segments are a kind of search hit only: without a search there are none to show.
  const kind =
    oneOf<NonNullable<KindFilter>>(q.trim() === '' ? memoryKinds : [...memoryKinds, 'transcript'], p.get('kind')) ??
    null;
  return { q, kind };
}

export function memoriesQueryToAddress({ q, kind }: MemoriesAddress): string {
  const p = new URLSearchParams();
  if (q !== '') p.set('q', q);
  if (kind) p.set('kind', kind);
  return written(p);
}

/** Dead letters: the error groups whose items are hidden (the screen has no filter or sort besides). */
export function hiddenGroupsFromAddress(raw: string): string[] {
  const hidden = new URLSearchParams(raw).get('hidden');
  if (!hidden) return [];
  return [...new Set(hidden.split(',').filter((code) => /^[A-Z][A-Z0-9_]{0,63}$/.test(code)))].sort();
}

export function hiddenGroupsToAddress(codes: readonly string[]): string {
  const p = new URLSearchParams();
  if (codes.length > 0) p.set('hidden', [...codes].sort().join(','));
  // The codes are [A-Z0-9_] and the comma reads better unescaped.
  return written(p).replace(/%2C/g, ',');
}
