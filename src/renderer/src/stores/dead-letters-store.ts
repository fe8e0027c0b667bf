import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ErrorGroup, ItemState, ItemSummary, LifelineApi } from '../../../shared/contract';
import { exportDeadLetters } from '../export/export-dead-letters';
import { describeError } from '../format/describe-error';
import { stateLabels } from '../format/labels';
import { formatCount, plural } from '../format/numbers';
import { applyItemChanges } from './dead-letter-list';
import { LatestChanges } from './latest-changes';
import { createRefreshThrottle } from './refresh-throttle';

export type RowAction = 'retry' | 'discard';

/** The outcome of the user's last action, for a polite status line; `failed` when a retried item died again. */
export interface Notice {
  text: string;
  tone: 'done' | 'failed';
}

/** The dead letters of one error code that are loaded, newest first. */
export interface GroupList {
  items: ItemSummary[];
  nextCursor: string | null;
  loading: boolean;
}

export interface DeadLettersState {
  /** Dead letters by error code, largest group first. */
  groups: ErrorGroup[];
  /** False until the groups have arrived (or failed). */
  loaded: boolean;
  loadError: string | null;
  /** Groups the user folded away. */
  collapsed: Partial<Record<string, true>>;
  lists: Partial<Record<string, GroupList>>;
  /** Rows whose action is under way; cleared when the item's change arrives. */
  pending: Partial<Record<number, RowAction>>;
  groupPending: Partial<Record<string, RowAction>>;
  /** Items put back in the queue from here, as they are now (newest retry first). */
  retried: ItemSummary[];
  /** Retried items not in `retried` (a group of 500 shows its first few). */
  retriedMore: number;
  retryingAll: boolean;
  exporting: 'json' | 'csv' | null;
  notice: Notice | null;
  actionError: string | null;
  load(): Promise<void>;
  loadMore(code: string): Promise<void>;
  toggleGroup(code: string): void;
  applyChanges(changes: readonly ItemSummary[]): void;
  retry(id: number): Promise<void>;
  discard(id: number): Promise<void>;
  retryGroup(code: string): Promise<void>;
  discardGroup(code: string): Promise<void>;
  retryAll(): Promise<void>;
  exportAll(kind: 'json' | 'csv'): Promise<void>;
  clearRetried(): void;
  dismissMessages(): void;
}

export type DeadLettersStore = StoreApi<DeadLettersState>;

/** Rows a group shows before "Show more". */
export const groupPageSize = 20;
const retriedShown = 20;

function without<T>(record: Partial<Record<number, T>>, ids: Iterable<number>): Partial<Record<number, T>> {
  const next = { ...record };
  for (const id of ids) delete next[id];
  return next;
}

const codeOf = (item: ItemSummary) => item.error?.code ?? 'NO_ERROR_RECORDED';

/** Dead letters grouped by why they failed, kept current by pushed events, and the repairs. */
export function createDeadLettersStore(api: LifelineApi): DeadLettersStore {
  let latestLoad = 0;
  const callsInFlight = new Set<number>();
  // The item of the last single retry, so its status line can say when it fails again.
  let watchedRetry: { id: number; since: string } | null = null;
  const latest = new LatestChanges();

  return createStore<DeadLettersState>()((set, get) => {
    const loadGroup = async (code: string, append: boolean) => {
      const current = get().lists[code];
      const cursor = append ? (current?.nextCursor ?? undefined) : undefined;
      if (append && !cursor) return;
      set((s) => ({
        lists: {
          ...s.lists,
          [code]: { items: current?.items ?? [], nextCursor: current?.nextCursor ?? null, loading: true },
        },
      }));
      const limit = append ? groupPageSize : Math.max(groupPageSize, Math.min(500, current?.items.length ?? 0));
      const r = await api.call('items:list', { state: 'dead', errorCode: code, limit, cursor });
      if (!r.ok) {
        set((s) => ({
          actionError: `Could not load the ${code} dead letters. ${describeError(r.error)}`,
          lists: { ...s.lists, [code]: { ...s.lists[code]!, loading: false } },
        }));
        return;
      }
      set((s) => {
        const base = append ? (s.lists[code]?.items ?? []) : [];
        return {
          lists: {
            ...s.lists,
            [code]: {
              items: applyItemChanges(base, r.value.items, (i) => i.state === 'dead' && codeOf(i) === code),
              nextCursor: r.value.nextCursor,
              loading: false,
            },
          },
        };
      });
    };

    const load = async () => {
      const mine = ++latestLoad;
      const r = await api.call('items:errorGroups', {});
      if (mine !== latestLoad) return;
      if (!r.ok) {
        set({ loaded: true, loadError: describeError(r.error) });
        return;
      }
      const groups = r.value.groups;
      const codes = new Set(groups.map((g) => g.code));
      set((s) => ({
        groups,
        loaded: true,
        loadError: null,
        lists: Object.fromEntries(Object.entries(s.lists).filter(([code]) => codes.has(code))),
        pending: Object.fromEntries(Object.entries(s.pending).filter(([id]) => callsInFlight.has(Number(id)))),
      }));
      await Promise.all(groups.filter((g) => !get().collapsed[g.code]).map((g) => loadGroup(g.code, false)));
    };
    const throttle = createRefreshThrottle(load, 250);

    const failedAgain = (item: ItemSummary): Notice => ({
      text: `${item.fileName} failed again after the retry: ${codeOf(item)}.`,
      tone: 'failed',
    });

    const rowOf = (id: number): ItemSummary | undefined => {
      for (const list of Object.values(get().lists)) {
        const found = list?.items.find((i) => i.id === id);
        if (found) return found;
      }
      return undefined;
    };

    const addRetried = (given: ItemSummary[], more: number) =>
      set((s) => {
        const items = given.map((i) => latest.newest(i));
        const ids = new Set(items.map((i) => i.id));
        const all = [...items, ...s.retried.filter((i) => !ids.has(i.id))];
        return {
          retried: all.slice(0, retriedShown),
          retriedMore: s.retriedMore + more + Math.max(0, all.length - retriedShown),
        };
      });

    const rowAction = async (id: number, action: RowAction) => {
      const row = rowOf(id);
      const name = row?.fileName ?? `item ${id}`;
      watchedRetry = null;
      set((s) => ({ pending: { ...s.pending, [id]: action }, actionError: null, notice: null }));
      callsInFlight.add(id);
      // By id through items:bulk: a row another tab (or `lifeline retry`) handled meanwhile is an
      // answer ("left as it was"), not a 409 for an item that is no longer dead.
      const result = await api.call('items:bulk', { action, target: { kind: 'ids', ids: [id] } });
      callsInFlight.delete(id);
      set((s) => ({ pending: without(s.pending, [id]) }));
      if (!result.ok) {
        set({ actionError: `Could not ${action} ${name}. ${describeError(result.error)}` });
        return;
      }
      if (result.value.changed === 0) {
        const now = (Object.keys(result.value.skippedByState) as ItemState[])[0];
        set({
          notice: {
            text: now
              ? `${name} was left as it was: it is ${stateLabels[now].toLowerCase()} now.`
              : `${name} no longer exists.`,
            tone: 'done',
          },
        });
        throttle.request();
        return;
      }
      if (action === 'discard') {
        set({ notice: { text: `${name} was discarded; its history is kept.`, tone: 'done' } });
      } else if (row) {
        // Dead at row.updatedAt: dying again after this retry is later than that.
        watchedRetry = { id, since: row.updatedAt };
        addRetried([row], 0);
        set({ notice: { text: `${name} is back in the queue at the ${row.stage} stage.`, tone: 'done' } });
      }
      // The row leaves its list (and the counts change) with the pushed change; this reload makes sure.
      throttle.request();
    };

    const groupAction = async (code: string, action: RowAction) => {
      watchedRetry = null;
      const shown = get().lists[code]?.items ?? [];
      set((s) => ({ groupPending: { ...s.groupPending, [code]: action }, actionError: null, notice: null }));
      const r = await api.call('items:bulk', {
        action,
        target: { kind: 'filter', filter: { state: 'dead', errorCode: code } },
      });
      set((s) => ({ groupPending: { ...s.groupPending, [code]: undefined } }));
      if (!r.ok) {
        set({ actionError: `Could not ${action} the ${code} dead letters. ${describeError(r.error)}` });
        return;
      }
      const n = r.value.changed;
      if (action === 'retry') {
        addRetried(shown, Math.max(0, n - shown.length));
        set({
          notice: {
            text: `${plural(n, 'dead letter')} with ${code} ${n === 1 ? 'is' : 'are'} back in the queue.`,
            tone: 'done',
          },
        });
      } else {
        set({
          notice: {
            text: `${plural(n, 'dead letter')} with ${code} ${n === 1 ? 'was' : 'were'} discarded; their history is kept.`,
            tone: 'done',
          },
        });
      }
      throttle.request();
    };

    return {
      groups: [],
      loaded: false,
      loadError: null,
      collapsed: {},
      lists: {},
      pending: {},
      groupPending: {},
      retried: [],
      retriedMore: 0,
      retryingAll: false,
      exporting: null,
      notice: null,
      actionError: null,

      load,
      loadMore: (code) => loadGroup(code, true),

      toggleGroup(code) {
        const folded = !get().collapsed[code];
        set((s) => ({ collapsed: { ...s.collapsed, [code]: folded ? true : undefined } }));
        if (!folded && !get().lists[code]) void loadGroup(code, false);
      },

      applyChanges(changes) {
        latest.remember(changes);
        if (changes.length === 0) return;
        if (!get().loaded) {
          // Not shown yet: nothing to keep current (the view loads everything when it opens). But a
          // first load in flight may have read the store before this item died: load once more.
          if (latestLoad > 0 && changes.some((c) => c.state === 'dead')) throttle.request();
          return;
        }
        const watched = watchedRetry;
        const diedAgain =
          watched && changes.find((c) => c.id === watched.id && c.state === 'dead' && c.updatedAt > watched.since);
        if (diedAgain) {
          watchedRetry = null;
          set({ notice: failedAgain(diedAgain) });
        }
        const { lists, groups, retried } = get();
        const known = new Set(groups.map((g) => g.code));
        const listed = new Set(Object.values(lists).flatMap((l) => l?.items.map((i) => i.id) ?? []));
        set((s) => ({
          lists: Object.fromEntries(
            Object.entries(s.lists).map(([code, list]) => [
              code,
              list && {
                ...list,
                items: applyItemChanges(list.items, changes, (i) => i.state === 'dead' && codeOf(i) === code),
              },
            ]),
          ),
          retried: retried.map((r) => {
            const c = changes.find((x) => x.id === r.id);
            return c && c.updatedAt >= r.updatedAt ? c : r;
          }),
          pending: without(
            s.pending,
            changes.map((c) => c.id).filter((id) => !callsInFlight.has(id)),
          ),
        }));
        // Counts per group come from the store: refresh them when dead letters came or went.
        if (
          changes.some((c) => c.state === 'dead' || listed.has(c.id)) ||
          changes.some((c) => c.state === 'dead' && !known.has(codeOf(c)))
        ) {
          throttle.request();
        }
      },

      retry: (id) => rowAction(id, 'retry'),
      discard: (id) => rowAction(id, 'discard'),
      retryGroup: (code) => groupAction(code, 'retry'),
      discardGroup: (code) => groupAction(code, 'discard'),

      async retryAll() {
        watchedRetry = null;
        const shown = Object.values(get().lists).flatMap((l) => l?.items ?? []);
        set({ retryingAll: true, actionError: null, notice: null });
        const result = await api.call('items:retryAllDead', {});
        if (!result.ok) {
          set({ retryingAll: false, actionError: `Could not retry the dead letters. ${describeError(result.error)}` });
          return;
        }
        const { count } = result.value;
        addRetried(shown.slice(0, retriedShown), Math.max(0, count - Math.min(shown.length, retriedShown)));
        set({
          retryingAll: false,
          notice: {
            text:
              count === 0
                ? 'There were no dead letters to retry.'
                : `${plural(count, 'dead letter')} ${count === 1 ? 'is' : 'are'} back in the queue.`,
            tone: 'done',
          },
        });
        throttle.request();
      },

      async exportAll(kind) {
        set({ exporting: kind, actionError: null, notice: null });
        const r = await exportDeadLetters(api, kind);
        if (!r.ok) {
          set({ exporting: null, actionError: `Could not export the dead letters. ${describeError(r.error)}` });
          return;
        }
        set({
          exporting: null,
          notice: {
            text: `Exported ${formatCount(r.count)} dead ${r.count === 1 ? 'letter' : 'letters'} as ${kind.toUpperCase()}.`,
            tone: 'done',
          },
        });
      },

      clearRetried: () => set({ retried: [], retriedMore: 0 }),
      dismissMessages: () => set({ notice: null, actionError: null }),
    };
  });
}
