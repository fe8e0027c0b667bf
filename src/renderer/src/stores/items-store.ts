import { createStore, type StoreApi } from 'zustand/vanilla';
import type { BulkAction, ItemSummary, LifelineApi, RequestOf, RerunStage } from '../../../shared/contract';
import { describeError } from '../format/describe-error';
import { pagesOf } from '../virtual/visible-range';
import { bulkNotice, rerunNotice } from './bulk-notice';
import { defaultQuery, matchesFilter, queryFilter, queryKey, type ItemsQuery } from './items-query';
import { createRefreshThrottle } from './refresh-throttle';
import { bulkTarget, noSelection, toggle, toggleMany, type Selection } from './selection';
import { failsForGoodCodes, retryWillFailAgain } from '../format/error-actions';

/** Rows per request; the list asks for the pages its visible rows fall in. */
export const itemsPageSize = 100;

export interface ItemsState {
  query: ItemsQuery;
  /** Key of the query the rows and count below belong to (the last one whose answer arrived). */
  shownKey: string | null;
  count: number | null;
  /** Loaded rows by page (sparse: a 100,000-item list holds only the pages scrolled past). */
  pages: Partial<Record<number, ItemSummary[]>>;
  /** True while a new query's first answer is on its way. */
  loading: boolean;
  error: string | null;
  selection: Selection;
  bulkPending: BulkAction | RerunStage | null;
  notice: string | null;
  actionError: string | null;
  setQuery(patch: Partial<ItemsQuery>): void;
  /** The list shows rows first…last: load what is missing. */
  showRows(first: number, last: number): void;
  applyChanges(changes: readonly ItemSummary[]): void;
  /** Reloads the count and the rows on screen (after a reconnect, or when pushed changes move rows). */
  refresh(): Promise<void>;
  toggle(id: number): void;
  toggleRows(ids: readonly number[]): void;
  selectAllMatching(): void;
  clearSelection(): void;
  bulk(action: BulkAction): Promise<void>;
  /** "Transcribe again" / "Extract again" for the ticked items (done ones only). */
  rerun(from: RerunStage): Promise<void>;
  /** How many of the ticked items are dead letters a retry cannot fix (asked before a bulk Retry). */
  failingForGoodInSelection(): Promise<number>;
  dismissMessages(): void;
}

export type ItemsStore = StoreApi<ItemsState>;

export function rowAt(pages: ItemsState['pages'], index: number): ItemSummary | undefined {
  return pages[Math.floor(index / itemsPageSize)]?.[index % itemsPageSize];
}

/**
 * The Items screen's data: one filtered, sorted list of any length, loaded a page at a time as it
 * scrolls (keyset cursors page by page; an offset only to jump far), kept current by pushed changes.
 */
export function createItemsStore(api: LifelineApi): ItemsStore {
  let visible = { first: 0, last: 0 };
  /** Cursor that continues after page p, for the shown key. */
  let cursors: Partial<Record<number, string | null>> = {};
  const inFlight = new Set<string>();
  let generation = 0;

  return createStore<ItemsState>()((set, get) => {
    const request = (query: ItemsQuery, page: number, cursor: string | null | undefined): RequestOf<'items:list'> => ({
      ...queryFilter(query),
      sort: query.sort,
      direction: query.direction,
      limit: itemsPageSize,
      ...(page === 0 ? {} : cursor ? { cursor } : { offset: page * itemsPageSize }),
    });

    const loadPage = async (page: number) => {
      const { query, shownKey } = get();
      const key = queryKey(query);
      if (key !== shownKey) return;
      const flight = `${generation}:${page}`;
      if (inFlight.has(flight)) return;
      inFlight.add(flight);
      const gen = generation;
      const r = await api.call('items:list', request(query, page, cursors[page - 1]));
      inFlight.delete(flight);
      if (gen !== generation) return;
      if (!r.ok) {
        set({ error: describeError(r.error) });
        return;
      }
      cursors[page] = r.value.nextCursor;
      set((s) => ({ pages: { ...s.pages, [page]: r.value.items }, error: null }));
    };

    /** Count and first rows of the current query, swapped in together so the list never mixes two queries. */
    const loadQuery = async () => {
      const gen = ++generation;
      const { query } = get();
      const key = queryKey(query);
      const pages = pagesOf(visible, itemsPageSize);
      const first = pages[0] ?? 0;
      set({ loading: true });
      const [count, ...lists] = await Promise.all([
        api.call('items:count', queryFilter(query)),
        ...pages.map((p) => api.call('items:list', request(query, p, p === first ? undefined : null))),
      ]);
      if (gen !== generation) return;
      const failed = [count, ...lists].find((r) => !r.ok);
      if (failed && !failed.ok) {
        set({ loading: false, error: describeError(failed.error) });
        return;
      }
      const loaded: ItemsState['pages'] = {};
      cursors = {};
      lists.forEach((r, i) => {
        if (!r.ok) return;
        loaded[pages[i]!] = r.value.items;
        cursors[pages[i]!] = r.value.nextCursor;
      });
      set({ shownKey: key, pages: loaded, count: count.ok ? count.value.count : null, loading: false, error: null });
    };

    const throttle = createRefreshThrottle(loadQuery, 500);

    return {
      query: defaultQuery,
      shownKey: null,
      count: null,
      pages: {},
      loading: false,
      error: null,
      selection: noSelection,
      bulkPending: null,
      notice: null,
      actionError: null,

      setQuery(patch) {
        const query = { ...get().query, ...patch };
        const changed = queryKey(query) !== queryKey(get().query);
        set({ query, ...(changed ? { selection: noSelection } : {}) });
        if (changed) {
          visible = { first: 0, last: Math.max(visible.last - visible.first, 0) };
          void loadQuery();
        }
      },

      showRows(first, last) {
        visible = { first, last };
        const { shownKey, query, pages, count } = get();
        if (shownKey === null) {
          void loadQuery();
          return;
        }
        if (shownKey !== queryKey(query) || count === null) return;
        for (const p of pagesOf({ first, last: Math.min(last, count - 1) }, itemsPageSize))
          if (!pages[p]) void loadPage(p);
      },

      applyChanges(changes) {
        const { pages, query, shownKey } = get();
        if (shownKey === null) return;
        const filter = queryFilter(query);
        const where = new Map<number, [number, number]>();
        for (const [p, rows] of Object.entries(pages)) rows?.forEach((row, i) => where.set(row.id, [Number(p), i]));
        let next: ItemsState['pages'] | null = null;
        let moved = false;
        for (const change of changes) {
          const at = where.get(change.id);
          if (!at) {
            // Not loaded: it may have joined or left this list, which changes the count and positions.
            moved = true;
            continue;
          }
          const [p, i] = at;
          const shown = (next ?? pages)[p]![i]!;
          if (shown.updatedAt > change.updatedAt) continue;
          next ??= { ...pages };
          const rows = [...next[p]!];
          rows[i] = change;
          next[p] = rows;
          moved ||= !matchesFilter(filter, change) || shown.priority !== change.priority;
        }
        if (next) set({ pages: next });
        if (moved) throttle.request();
      },

      refresh: () => loadQuery(),

      toggle: (id) => set((s) => ({ selection: toggle(s.selection, id) })),
      toggleRows: (ids) => set((s) => ({ selection: toggleMany(s.selection, ids) })),
      selectAllMatching: () =>
        set((s) => ({ selection: { mode: 'all', filter: queryFilter(s.query), except: new Set() } })),
      clearSelection: () => set({ selection: noSelection }),

      async bulk(action) {
        const target = bulkTarget(get().selection);
        if (!target || get().bulkPending) return;
        set({ bulkPending: action, notice: null, actionError: null });
        const r = await api.call('items:bulk', { action, target });
        if (!r.ok) {
          set({ bulkPending: null, actionError: `Could not ${action} the selected items. ${describeError(r.error)}` });
          return;
        }
        set({ bulkPending: null, selection: noSelection, notice: bulkNotice(r.value) });
        void loadQuery();
      },

      async rerun(from) {
        const target = bulkTarget(get().selection);
        if (!target || get().bulkPending) return;
        set({ bulkPending: from, notice: null, actionError: null });
        const r = await api.call('items:rerun', { target, from });
        if (!r.ok) {
          set({ bulkPending: null, actionError: `Could not run the selected items again. ${describeError(r.error)}` });
          return;
        }
        set({ bulkPending: null, selection: noSelection, notice: rerunNotice(from, r.value) });
        void loadQuery();
      },
      async failingForGoodInSelection() {
        const { selection, pages } = get();
        const loaded = Object.values(pages).flatMap((rows) => rows ?? []);
        const forGood = (i: ItemSummary) => i.state === 'dead' && retryWillFailAgain(i.error?.code);
        if (selection.mode === 'ids') return loaded.filter((i) => selection.ids.has(i.id) && forGood(i)).length;
        if (selection.filter.state !== undefined && selection.filter.state !== 'dead') return 0;
        // "All matching": counted per code by the store; unticked rows that are loaded are left out.
        const codes =
          selection.filter.errorCode !== undefined
            ? [selection.filter.errorCode].filter((c) => retryWillFailAgain(c))
            : failsForGoodCodes;
        const counts = await Promise.all(
          codes.map((errorCode) => api.call('items:count', { ...selection.filter, state: 'dead', errorCode })),
        );
        const total = counts.reduce((n, r) => n + (r.ok ? r.value.count : 0), 0);
        return Math.max(0, total - loaded.filter((i) => selection.except.has(i.id) && forGood(i)).length);
      },

      dismissMessages: () => set({ notice: null, actionError: null }),
    };
  });
}
