import { createStore, type StoreApi } from 'zustand/vanilla';
import type {
  ItemSummary,
  LifelineApi,
  MemoryEntry,
  MemoryKind,
  SearchHit,
  SearchKind,
} from '../../../shared/contract';
import { describeError } from '../format/describe-error';
import { createDebounce, type DebounceTimers } from './debounce';
import { LatestRequest } from './latest-request';
import { createRefreshThrottle, type ThrottleTimers } from './refresh-throttle';

/** Which memories to show; `transcript` (transcript segments) only while searching. */
export type KindFilter = SearchKind | null;
export type LoadStatus = 'idle' | 'loading' | 'ready' | 'error';

export interface SearchResults {
  /** The query and filter these hits answer (what was typed may have moved on). */
  query: string;
  kind: KindFilter;
  limit: number;
  /** Hits with every word first; the rest (from `exactCount` on) are close matches. */
  hits: SearchHit[];
  exactCount: number;
  status: LoadStatus;
  error: string | null;
}

export interface BrowseList {
  kind: MemoryKind | null;
  memories: MemoryEntry[];
  nextCursor: string | null;
  /** How many memories the filter matches in all; null until the first page came. */
  total: number | null;
  status: LoadStatus;
  loadingMore: boolean;
  error: string | null;
}

export interface MemoriesState {
  /** What is in the search box. */
  input: string;
  kind: KindFilter;
  search: SearchResults;
  browse: BrowseList;
  /** The Memories view is shown: loads what it needs the first time. */
  show(): void;
  /** Typing: the search runs once typing pauses; an empty box goes back to browsing. */
  setInput(text: string): void;
  /** Enter: searches at once. */
  submit(): void;
  setKind(kind: KindFilter): void;
  /** The next page of memories, or more matches. */
  showMore(): void;
  retry(): void;
  /** Pushed item changes: a recording that finished (or was discarded) changes what matches. */
  applyChanges(changes: readonly ItemSummary[]): void;
  /** After a reconnect: whatever is shown is loaded again (changes may have been missed). */
  requestRefresh(): void;
}

export type MemoriesStore = StoreApi<MemoriesState>;

/** Typing pauses this long before a search runs, ms. */
export const searchDelayMs = 250;
/** Matches asked for at first, and added by "Show more" (the contract allows 200). */
export const searchPage = 50;
const maxSearchLimit = 200;
/** Memories per page while browsing. */
export const browsePage = 50;
const maxBrowseReload = 500;

export const isSearching = (s: Pick<MemoriesState, 'input'>): boolean => s.input.trim() !== '';

/** Whether the hits shown answer exactly what is in the box now (never an older query's). */
export function searchIsCurrent(s: Pick<MemoriesState, 'input' | 'kind' | 'search'>): boolean {
  return s.search.query === s.input.trim() && s.search.kind === s.kind;
}

const browseKind = (kind: KindFilter): MemoryKind | null => (kind === 'transcript' ? null : kind);

const emptySearch: SearchResults = {
  query: '',
  kind: null,
  limit: searchPage,
  hits: [],
  exactCount: 0,
  status: 'idle',
  error: null,
};
const emptyBrowse: BrowseList = {
  kind: null,
  memories: [],
  nextCursor: null,
  total: null,
  status: 'idle',
  loadingMore: false,
  error: null,
};

/**
 * The Memories screen: full-text search as the user types (debounced; an older query's late answer
 * is dropped), or, with an empty box, every memory newest first, a page at a time.
 */
export function createMemoriesStore(api: LifelineApi, timers?: DebounceTimers & ThrottleTimers): MemoriesStore {
  const searches = new LatestRequest();
  const browses = new LatestRequest();
  return createStore<MemoriesState>()((set, get) => {
    const runSearch = async (limit: number) => {
      const { input, kind, search } = get();
      const query = input.trim();
      if (query === '') return;
      const ticket = searches.issue();
      const same = search.query === query && search.kind === kind;
      set({
        search: {
          query,
          kind,
          limit,
          hits: same ? search.hits : [],
          exactCount: same ? search.exactCount : 0,
          status: 'loading',
          error: null,
        },
      });
      const r = await api.call('search:query', { query, limit, kind: kind ?? undefined });
      if (!searches.isLatest(ticket)) return;
      set((s) => ({
        search: r.ok
          ? { ...s.search, hits: r.value.hits, exactCount: r.value.exactCount, status: 'ready', error: null }
          : { ...s.search, status: 'error', error: describeError(r.error) },
      }));
    };

    const loadBrowse = async (limit = browsePage) => {
      const kind = browseKind(get().kind);
      const ticket = browses.issue();
      const before = get().browse;
      const same = before.kind === kind && before.status !== 'idle';
      set({ browse: { ...(same ? before : emptyBrowse), kind, status: 'loading', loadingMore: false, error: null } });
      const r = await api.call('memories:list', { kind: kind ?? undefined, limit });
      if (!browses.isLatest(ticket)) return;
      set((s) => ({
        browse: r.ok
          ? {
              kind,
              memories: r.value.memories,
              nextCursor: r.value.nextCursor,
              total: r.value.total,
              status: 'ready',
              loadingMore: false,
              error: null,
            }
          : { ...s.browse, status: 'error', error: describeError(r.error) },
      }));
    };

    const loadMoreMemories = async () => {
      const { browse } = get();
      if (browse.status !== 'ready' || browse.loadingMore || browse.nextCursor === null) return;
      const ticket = browses.issue();
      set({ browse: { ...browse, loadingMore: true, error: null } });
      const r = await api.call('memories:list', {
        kind: browse.kind ?? undefined,
        cursor: browse.nextCursor,
        limit: browsePage,
      });
      if (!browses.isLatest(ticket)) return;
      set((s) => ({
        browse: r.ok
          ? {
              ...s.browse,
              memories: [...s.browse.memories, ...r.value.memories],
              nextCursor: r.value.nextCursor,
              total: r.value.total,
              loadingMore: false,
            }
          : { ...s.browse, loadingMore: false, error: describeError(r.error) },
      }));
    };

    const debounce = createDebounce(() => void runSearch(searchPage), searchDelayMs, timers);

    const refresh = async () => {
      const s = get();
      if (isSearching(s)) {
        if (searchIsCurrent(s) && s.search.status !== 'loading') await runSearch(s.search.limit);
      } else if (s.browse.status === 'ready' || s.browse.status === 'error') {
        await loadBrowse(Math.min(maxBrowseReload, Math.max(browsePage, s.browse.memories.length)));
      }
    };
    const throttle = createRefreshThrottle(refresh, 1_000, timers);

    return {
      input: '',
      kind: null,
      search: emptySearch,
      browse: emptyBrowse,
      show() {
        if (!isSearching(get()) && get().browse.status === 'idle') void loadBrowse();
      },
      setInput(text) {
        set({ input: text });
        if (isSearching(get())) {
          debounce.schedule();
          return;
        }
        debounce.cancel();
        searches.invalidate();
        set((s) => ({ search: emptySearch, kind: s.kind === 'transcript' ? null : s.kind }));
        // Memories may have come or gone while searching: the list is loaded again (shown meanwhile).
        void loadBrowse();
      },
      submit() {
        if (!isSearching(get())) return;
        debounce.cancel();
        void runSearch(searchPage);
      },
      setKind(kind) {
        if (get().kind === kind) return;
        set({ kind });
        if (isSearching(get())) {
          debounce.cancel();
          void runSearch(searchPage);
        } else {
          void loadBrowse();
        }
      },
      showMore() {
        const s = get();
        if (isSearching(s)) {
          if (searchIsCurrent(s) && s.search.status === 'ready')
            void runSearch(Math.min(maxSearchLimit, s.search.limit + searchPage));
        } else {
          void loadMoreMemories();
        }
      },
      retry() {
        if (isSearching(get())) void runSearch(get().search.limit);
        else void loadBrowse();
      },
      applyChanges(changes) {
        if (changes.some((c) => c.state === 'done' || c.state === 'discarded')) get().requestRefresh();
      },
      requestRefresh() {
        const s = get();
        if (s.search.status !== 'idle' || s.browse.status !== 'idle') throttle.request();
      },
    };
  });
}

/** Whether more could be shown: another page of memories, or more matches than the ones asked for. */
export function canShowMore(s: Pick<MemoriesState, 'input' | 'kind' | 'search' | 'browse'>): boolean {
  if (isSearching(s))
    return (
      searchIsCurrent(s) &&
      s.search.status === 'ready' &&
      s.search.hits.length >= s.search.limit &&
      s.search.limit < maxSearchLimit
    );
  return s.browse.status === 'ready' && s.browse.nextCursor !== null;
}
