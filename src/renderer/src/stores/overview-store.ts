import { createStore, type StoreApi } from 'zustand/vanilla';
import type { LifelineApi, Overview } from '../../../shared/contract';
import { describeError } from '../format/describe-error';
import { createRefreshThrottle } from './refresh-throttle';

export interface OverviewState {
  overview: Overview | null;
  /** Why the last refresh failed, readable; null after a success. */
  error: string | null;
  /** Reloads the counts now. */
  refresh(): Promise<void>;
  /** Reloads the counts soon: many requests in a burst (one per pushed event) become ≤ 4 calls a second. */
  requestRefresh(): void;
}

export type OverviewStore = StoreApi<OverviewState>;

/** Minimum time between two refreshes asked for by pushed events, ms. */
const minRefreshIntervalMs = 250;

/** Counts of items by stage and state, from `overview:get`. */
export function createOverviewStore(api: LifelineApi): OverviewStore {
  let latest = 0;
  return createStore<OverviewState>()((set) => {
    const refresh = async () => {
      const mine = ++latest;
      const result = await api.call('overview:get', {});
      if (mine !== latest) return; // a newer refresh started meanwhile; its answer wins
      if (result.ok) set({ overview: result.value, error: null });
      else set({ error: describeError(result.error) });
    };
    const throttle = createRefreshThrottle(refresh, minRefreshIntervalMs);
    return {
      overview: null,
      error: null,
      refresh,
      requestRefresh: () => throttle.request(),
    };
  });
}
