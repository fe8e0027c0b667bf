import { createStore, type StoreApi } from 'zustand/vanilla';
import type { LifelineApi, Metrics } from '../../../shared/contract';
import { describeError } from '../format/describe-error';
import { createRefreshThrottle } from './refresh-throttle';

export interface MetricsState {
  metrics: Metrics | null;
  error: string | null;
  refresh(): Promise<void>;
  /** Reloads soon: metrics are read from the events table, so bursts become one load every two seconds. */
  requestRefresh(): void;
}

export type MetricsStore = StoreApi<MetricsState>;

const minRefreshIntervalMs = 2_000;

/** Throughput, latency and recovery metrics from `metrics:get`, reloaded when items change. */
export function createMetricsStore(api: LifelineApi): MetricsStore {
  let latest = 0;
  return createStore<MetricsState>()((set) => {
    const refresh = async () => {
      const mine = ++latest;
      const r = await api.call('metrics:get', {});
      if (mine !== latest) return;
      if (r.ok) set({ metrics: r.value, error: null });
      else set({ error: describeError(r.error) });
    };
    const throttle = createRefreshThrottle(refresh, minRefreshIntervalMs);
    return { metrics: null, error: null, refresh, requestRefresh: () => throttle.request() };
  });
}
