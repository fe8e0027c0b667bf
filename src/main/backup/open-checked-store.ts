import type { DataPaths } from '../config/data-dir';
import { openStore, type Store } from '../store/store';
import { applyPendingRestore, type RestoreResult } from './restore-store';
import { damagedStoreError, isCorruptionError, refuseLostStore } from './store-damage';

/**
 * Opens the store, never a fresh one in place of a lost one: a restore asked for from Settings is
 * carried out first; a missing or empty database while audio/ holds recordings, or a file SQLite
 * cannot read, is refused with a DamagedStoreError that says what happened and the ways forward.
 */
export function openCheckedStore(paths: DataPaths, options: { nativeBinding?: string; now: number }): { store: Store; restored: RestoreResult | null } {
  const restored = applyPendingRestore(paths, options.now);
  refuseLostStore(paths);
  try {
    return { store: openStore(paths, { nativeBinding: options.nativeBinding }), restored };
  } catch (err: unknown) {
    if (isCorruptionError(err)) throw damagedStoreError(paths, `cannot be read (${(err as Error).message})`);
    throw err;
  }
}
