import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ItemSummary, LifelineApi, Progress } from '../../../shared/contract';

export interface ProgressState {
  /** Live progress of running items, from pushed `item.progress` events. */
  byId: Partial<Record<number, Progress>>;
  /** Records a pushed progress report (applied in batches of at most ten a second). */
  report(id: number, progress: Progress): void;
  /** Takes every running item's latest progress from the engine (on connecting: nothing was pushed before). */
  synchronise(): Promise<void>;
  /** Forgets items that are no longer running. */
  applyChanges(changes: readonly ItemSummary[]): void;
}

export type ProgressStore = StoreApi<ProgressState>;

/** A stage copying a big file reports progress for every block it copies: the screen needs ten a second. */
const flushEveryMs = 100;

export function createProgressStore(api: LifelineApi): ProgressStore {
  let buffered: Map<number, Progress> | null = null;
  return createStore<ProgressState>()((set, get) => ({
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
    async synchronise() {
      const before = get().byId;
      const r = await api.call('items:progress', {});
      if (!r.ok) return;
      set((s) => {
        const byId = { ...s.byId };
        // A report pushed while the answer travelled is newer than it: that one stays.
        for (const p of r.value) if (s.byId[p.id] === before[p.id]) byId[p.id] = p.progress;
        return { byId };
      });
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
