import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ItemSummary, LifelineApi } from '../../../shared/contract';
import { describeError } from '../format/describe-error';
import { applyItemChanges } from './dead-letter-list';

export type RowAction = 'retry' | 'discard';

/** The outcome of the user's last action, for a polite status line; `failed` when a retried item died again. */
export interface Notice {
  text: string;
  tone: 'done' | 'failed';
}

export interface DeadLettersState {
  /** Dead items, newest first. */
  items: ItemSummary[];
  /** Cursor for the next page; null when every dead letter is loaded. */
  nextCursor: string | null;
  /** False until the first page has arrived (or failed). */
  loaded: boolean;
  /** Why the list could not be loaded, readable. */
  loadError: string | null;
  /** Rows whose action is under way; cleared when the item's change arrives. */
  pending: Partial<Record<number, RowAction>>;
  retryingAll: boolean;
  notice: Notice | null;
  /** Why the last action failed, readable. */
  actionError: string | null;
  load(): Promise<void>;
  loadMore(): Promise<void>;
  /** Applies pushed item changes: dead items join the list, others leave it. */
  applyChanges(changes: ItemSummary[]): void;
  retry(id: number): Promise<void>;
  discard(id: number): Promise<void>;
  retryAll(): Promise<void>;
  dismissMessages(): void;
}

export type DeadLettersStore = StoreApi<DeadLettersState>;

const pageSize = 100;
const maxPageSize = 500;

function without<T>(record: Partial<Record<number, T>>, ids: Iterable<number>): Partial<Record<number, T>> {
  const next = { ...record };
  for (const id of ids) delete next[id];
  return next;
}

/** Items in state `dead`, kept current by pushed events, and the repairs the user can ask for. */
export function createDeadLettersStore(api: LifelineApi): DeadLettersStore {
  let latestLoad = 0;
  // Changes pushed while a load is on the wire: replayed over its answer, which may predate them.
  let changesDuringLoad: ItemSummary[] | null = null;
  const callsInFlight = new Set<number>();
  // The item of the last single retry, so its status line can say when it fails again.
  let watchedRetry: { id: number; name: string; since: string } | null = null;

  return createStore<DeadLettersState>()((set, get) => {
    const nameOf = (id: number) => get().items.find((i) => i.id === id)?.fileName ?? `item ${id}`;

    const failedAgain = (item: ItemSummary): Notice => ({
      text: `${item.fileName} failed again after the retry: ${item.error?.code ?? 'no error recorded'}.`,
      tone: 'failed',
    });

    const applyChanges = (changes: ItemSummary[]) => {
      if (changes.length === 0) return;
      if (changesDuringLoad) changesDuringLoad.push(...changes);
      const watched = watchedRetry;
      const diedAgain = watched && changes.find((c) => c.id === watched.id && c.state === 'dead' && c.updatedAt > watched.since);
      if (diedAgain) {
        watchedRetry = null;
        set({ notice: failedAgain(diedAgain) });
      }
      set((s) => ({
        items: applyItemChanges(s.items, changes),
        pending: without(
          s.pending,
          changes.map((c) => c.id).filter((id) => !callsInFlight.has(id)),
        ),
      }));
    };

    const rowAction = async (id: number, action: RowAction) => {
      const name = nameOf(id);
      watchedRetry = null;
      set((s) => ({ pending: { ...s.pending, [id]: action }, actionError: null, notice: null }));
      callsInFlight.add(id);
      const result = await api.call(action === 'retry' ? 'items:retry' : 'items:discard', { id });
      callsInFlight.delete(id);
      if (!result.ok) {
        set((s) => ({
          pending: without(s.pending, [id]),
          actionError: `Could not ${action} ${name}. ${describeError(result.error)}`,
        }));
        return;
      }
      const item = result.value;
      if (action === 'discard') {
        set({ notice: { text: `${name} was discarded; its history is kept.`, tone: 'done' } });
      } else {
        // Pushed events may have overtaken this reply: the item may have died again already.
        const shown = get().items.find((i) => i.id === id);
        if (shown && shown.updatedAt > item.updatedAt) {
          set({ notice: failedAgain(shown) });
        } else {
          watchedRetry = { id, name, since: item.updatedAt };
          set({ notice: { text: `${name} is back in the queue at the ${item.stage} stage.`, tone: 'done' } });
        }
      }
      // The reply is the item as it is now; the updatedAt check keeps a newer pushed state.
      applyChanges([item]);
    };

    return {
      items: [],
      nextCursor: null,
      loaded: false,
      loadError: null,
      pending: {},
      retryingAll: false,
      notice: null,
      actionError: null,

      async load() {
        const mine = ++latestLoad;
        changesDuringLoad = [];
        const limit = Math.min(maxPageSize, Math.max(pageSize, get().items.length));
        const result = await api.call('items:list', { state: 'dead', limit });
        if (mine !== latestLoad) return;
        const replay = changesDuringLoad;
        changesDuringLoad = null;
        if (!result.ok) {
          set({ loaded: true, loadError: describeError(result.error) });
          return;
        }
        set((s) => ({
          items: applyItemChanges(result.value.items, replay),
          nextCursor: result.value.nextCursor,
          loaded: true,
          loadError: null,
          pending: Object.fromEntries(Object.entries(s.pending).filter(([id]) => callsInFlight.has(Number(id)))),
        }));
      },

      async loadMore() {
        const cursor = get().nextCursor;
        if (cursor === null) return;
        const result = await api.call('items:list', { state: 'dead', limit: pageSize, cursor });
        if (!result.ok) {
          set({ actionError: `Could not load more dead letters. ${describeError(result.error)}` });
          return;
        }
        set((s) => ({ items: applyItemChanges(s.items, result.value.items), nextCursor: result.value.nextCursor }));
      },

      applyChanges,
      retry: (id) => rowAction(id, 'retry'),
      discard: (id) => rowAction(id, 'discard'),

      async retryAll() {
        watchedRetry = null;
        set({ retryingAll: true, actionError: null, notice: null });
        const result = await api.call('items:retryAllDead', {});
        if (!result.ok) {
          set({ retryingAll: false, actionError: `Could not retry the dead letters. ${describeError(result.error)}` });
          return;
        }
        const { count } = result.value;
        set({
          retryingAll: false,
          notice: {
            text: count === 0 ? 'There were no dead letters to retry.' : `${count} dead ${count === 1 ? 'letter is' : 'letters are'} back in the queue.`,
            tone: 'done',
          },
        });
      },

      dismissMessages: () => set({ notice: null, actionError: null }),
    };
  });
}
