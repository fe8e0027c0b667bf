import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ItemSummary, Progress } from '../../../shared/contract';

export interface ProgressState {
  /** Live progress of running items, from pushed `item.progress` events. */
  byId: Partial<Record<number, Progress>>;
  /** Records a pushed progress report (applied in batches of at most ten a second). */
  report(id: number, progress: Progress): void;
  /** Forgets items that are no longer running. */
  applyChanges(changes: readonly ItemSummary[]): void;
}

export type ProgressStore = StoreApi<ProgressState>;

/** A stage copying a big file reports progress for every block it copies: the screen needs ten a second. */
const flushEveryMs = 100;

export function createProgressStore(): ProgressStore {
  let buffered: Map<number, Progress> | null = null;
  return createStore<ProgressState>()((set) => ({
    byId: {},
    report(id, progress) {
      if (buffered) {
        buffered.set(id, progress);
        return;
      }
      buffered = new Map([[id, progress]]);
      setTimeout(() => {
        const batch = buffered!;
        buffered = null;
        set((s) => ({ byId: { ...s.byId, ...Object.fromEntries(batch) } }));
      }, flushEveryMs);
    },
    applyChanges(changes) {
      const gone = changes.filter((c) => c.state !== 'running').map((c) => c.id);
      if (gone.length === 0) return;
      for (const id of gone) buffered?.delete(id);
      set((s) => {
        if (!gone.some((id) => s.byId[id])) return s;
        const byId = { ...s.byId };
        for (const id of gone) delete byId[id];
        return { byId };
      });
    },
  }));
}

/** The freshest progress known for an item: pushed, else what its summary carried. */
export function liveProgress(
  item: Pick<ItemSummary, 'id' | 'state' | 'progress'>,
  byId: ProgressState['byId'],
): Progress | null {
  if (item.state !== 'running') return null;
  return byId[item.id] ?? item.progress;
}
