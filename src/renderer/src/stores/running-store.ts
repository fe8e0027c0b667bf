import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ItemSummary, LifelineApi } from '../../../shared/contract';
import { describeError } from '../format/describe-error';
import { createRefreshThrottle } from './refresh-throttle';

export interface RunningState {
  /** Items running now, most recently started first (at most `shownLimit`). */
  items: ItemSummary[];
  count: number;
  loaded: boolean;
  error: string | null;
  refresh(): Promise<void>;
  requestRefresh(): void;
  applyChanges(changes: readonly ItemSummary[]): void;
  /** Progress arrived for an item: refresh if it is not shown yet. */
  noticeProgress(id: number): void;
}

export type RunningStore = StoreApi<RunningState>;

const shownLimit = 20;

/** The Overview's "Running now": items whose stage is at work, with their live progress. */
export function createRunningStore(api: LifelineApi): RunningStore {
  let latest = 0;
  return createStore<RunningState>()((set, get) => {
    const refresh = async () => {
      const mine = ++latest;
      const [list, count] = await Promise.all([
        api.call('items:list', { state: 'running', limit: shownLimit }),
        api.call('items:count', { state: 'running' }),
      ]);
      if (mine !== latest) return;
      if (!list.ok || !count.ok) {
        const failed = !list.ok ? list : count;
        set({ loaded: true, error: failed.ok ? null : describeError(failed.error) });
        return;
      }
      const items = [...list.value.items].sort((a, b) => (b.startedAt ?? '').localeCompare(a.startedAt ?? ''));
      set({ items, count: count.value.count, loaded: true, error: null });
    };
    const throttle = createRefreshThrottle(refresh, 250);
    return {
      items: [],
      count: 0,
      loaded: false,
      error: null,
      refresh,
      requestRefresh: () => throttle.request(),
      applyChanges(changes) {
        const shown = new Set(get().items.map((i) => i.id));
        if (changes.some((c) => c.state === 'running' || shown.has(c.id))) throttle.request();
      },
      noticeProgress(id) {
        if (!get().items.some((i) => i.id === id)) throttle.request();
      },
    };
  });
}
