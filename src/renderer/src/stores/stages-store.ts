import { createStore, type StoreApi } from 'zustand/vanilla';
import type { LifelineApi, Stage, StageInfo } from '../../../shared/contract';
import { describeError } from '../format/describe-error';
import { createRefreshThrottle } from './refresh-throttle';

export interface StagesState {
  /** Each stage with its limits, whether the user holds it (paused, stopped) and its counts; null before the first load. */
  stages: StageInfo[] | null;
  error: string | null;
  /** A pause or resume on its way ('all' for every stage). */
  pending: Stage | 'all' | null;
  refresh(): Promise<void>;
  requestRefresh(): void;
  pause(stage: Stage): Promise<void>;
  resume(stage: Stage): Promise<void>;
  pauseAll(): Promise<void>;
  resumeAll(): Promise<void>;
}

export type StagesStore = StoreApi<StagesState>;

/** The stages as the user controls them: Pause / Resume per stage and for everything, on Overview and Services. */
export function createStagesStore(api: LifelineApi): StagesStore {
  let latest = 0;
  return createStore<StagesState>()((set, get) => {
    const refresh = async () => {
      const mine = ++latest;
      const r = await api.call('queue:stats', {});
      if (mine !== latest) return;
      if (r.ok) set({ stages: r.value.stages, error: null });
      else set({ error: describeError(r.error) });
    };
    const throttle = createRefreshThrottle(refresh, 250);
    const act = async (pending: Stage | 'all', call: () => ReturnType<LifelineApi['call']>) => {
      if (get().pending !== null) return;
      set({ pending });
      const r = await call();
      set({ pending: null, error: r.ok ? null : describeError(r.error) });
      await refresh();
    };
    return {
      stages: null,
      error: null,
      pending: null,
      refresh,
      requestRefresh: () => throttle.request(),
      pause: (stage) => act(stage, () => api.call('stages:pause', { stage })),
      resume: (stage) => act(stage, () => api.call('stages:resume', { stage })),
      pauseAll: () => act('all', () => api.call('stages:pauseAll', {})),
      resumeAll: () => act('all', () => api.call('stages:resumeAll', {})),
    };
  });
}
