import { createStore, type StoreApi } from 'zustand/vanilla';
import type { LifelineApi } from '../../../shared/contract';
import { describeError } from '../format/describe-error';

/** How long a single Discard can be undone, ms. */
export const undoWindowMs = 10_000;

export interface PendingDiscard {
  id: number;
  fileName: string;
  /** When the discard is carried out (ms epoch), unless undone before. */
  at: number;
}

export interface DiscardUndoState {
  pending: PendingDiscard[];
  error: string | null;
  /** Discards the item in {@link undoWindowMs}; until then Undo takes it back and nothing happens. */
  discard(item: { id: number; fileName: string }): void;
  undo(id: number): void;
  dismissError(): void;
}

export type DiscardUndoStore = StoreApi<DiscardUndoState>;

export interface UndoTimers {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realTimers: UndoTimers = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

/**
 * A single Discard with an Undo: the discard is sent only once the undo window has passed, so Undo
 * needs no server round trip and a closed page discards nothing (the safe side: nothing is lost).
 */
export function createDiscardUndoStore(api: LifelineApi, timers: UndoTimers = realTimers): DiscardUndoStore {
  const handles = new Map<number, unknown>();
  return createStore<DiscardUndoState>()((set, get) => {
    const drop = (id: number) => {
      handles.delete(id);
      set((s) => ({ pending: s.pending.filter((p) => p.id !== id) }));
    };
    const carryOut = async (id: number, fileName: string) => {
      const r = await api.call('items:discard', { id });
      drop(id);
      if (!r.ok) set({ error: `Could not discard ${fileName}. ${describeError(r.error)}` });
    };
    return {
      pending: [],
      error: null,
      discard(item) {
        if (handles.has(item.id)) return;
        handles.set(
          item.id,
          timers.setTimeout(() => void carryOut(item.id, item.fileName), undoWindowMs),
        );
        set((s) => ({
          error: null,
          pending: [...s.pending, { id: item.id, fileName: item.fileName, at: timers.now() + undoWindowMs }],
        }));
      },
      undo(id) {
        const h = handles.get(id);
        if (h === undefined || !get().pending.some((p) => p.id === id)) return;
        timers.clearTimeout(h);
        drop(id);
      },
      dismissError: () => set({ error: null }),
    };
  });
}
