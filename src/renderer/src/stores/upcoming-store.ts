import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ItemSummary, LifelineApi, UpcomingList } from '../../../shared/contract';
import { describeError } from '../format/describe-error';
import { LatestRequest } from './latest-request';
import { createRefreshThrottle, type ThrottleTimers } from './refresh-throttle';

export interface UpcomingState {
  list: UpcomingList | null;
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: string | null;
  /** Memories whose tick is being saved. */
  saving: ReadonlySet<number>;
  /** Why a tick could not be saved (it is shown as it was). */
  actionError: string | null;
  /** The Upcoming view is shown: loads the list (again). */
  show(): void;
  load(): Promise<void>;
  /** Ticks a to-do or event Done (or not): shown at once, put back if it could not be saved. */
  setDone(memoryId: number, done: boolean): Promise<void>;
  /** Pushed item changes: a recording that finished (or was discarded) changes what is coming up. */
  applyChanges(changes: readonly ItemSummary[]): void;
  requestRefresh(): void;
  dismiss(): void;
}

export type UpcomingStore = StoreApi<UpcomingState>;

const withTick = (list: UpcomingList, memoryId: number, done: boolean, doneAt: string | null): UpcomingList => ({
  ...list,
  groups: list.groups.map((g) => ({
    ...g,
    entries: g.entries.map((e) => (e.memoryId === memoryId ? { ...e, done, doneAt } : e)),
  })),
});

/** The Upcoming screen: to-dos and events by date, with their Done ticks. */
export function createUpcomingStore(api: LifelineApi, timers?: ThrottleTimers): UpcomingStore {
  const loads = new LatestRequest();
  return createStore<UpcomingState>()((set, get) => {
    const load = async () => {
      const ticket = loads.issue();
      set({ status: 'loading', error: null });
      const r = await api.call('upcoming:list', {});
      if (!loads.isLatest(ticket)) return;
      set(r.ok ? { list: r.value, status: 'ready', error: null } : { status: 'error', error: describeError(r.error) });
    };
    const throttle = createRefreshThrottle(load, 1_000, timers);
    return {
      list: null,
      status: 'idle',
      error: null,
      saving: new Set(),
      actionError: null,
      show: () => void load(),
      load,
      async setDone(memoryId, done) {
        const { list, saving } = get();
        if (!list || saving.has(memoryId)) return;
        // A list loaded meanwhile must not bring the old tick back: it is loaded again once saved.
        loads.invalidate();
        set({ list: withTick(list, memoryId, done, null), saving: new Set([...saving, memoryId]), actionError: null });
        // What the user ticked, in words: Extract again may have replaced the memory (and its id) meanwhile.
        const entry = list.groups.flatMap((g) => g.entries).find((e) => e.memoryId === memoryId);
        const shown = entry && { itemId: entry.itemId, text: entry.text };
        const r = await api.call('upcoming:setDone', { memoryId, done, shown });
        const rest = new Set(get().saving);
        rest.delete(memoryId);
        const now = get().list;
        if (!r.ok) {
          set({
            saving: rest,
            list: now && withTick(now, memoryId, !done, null),
            actionError: `The tick could not be saved. ${describeError(r.error)}`,
          });
          if (get().status === 'loading') void load();
          return;
        }
        set({ saving: rest, list: now && withTick(now, memoryId, r.value.done, r.value.doneAt) });
        if (get().status === 'loading') void load();
      },
      applyChanges(changes) {
        if (changes.some((c) => c.state === 'done' || c.state === 'discarded')) get().requestRefresh();
      },
      requestRefresh() {
        if (get().status !== 'idle') throttle.request();
      },
      dismiss: () => set({ actionError: null }),
    };
  });
}
