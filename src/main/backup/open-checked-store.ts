import type { DataPaths } from '../config/data-dir';
import { openStore, type Store } from '../store/store';
import { applyPendingRestore, type RestoreResult } from './restore-store';
import { damagedStoreError, isCorruptionError, refuseLostStore, storedRecordings } from './store-damage';
import { storeHasItems } from '../store/store-copy';

/**
 * Opens the store, never a fresh one in place of a lost one: a restore asked for from Settings is
 * carried out first; a missing or empty database, or one without items, while audio/ holds
 * recordings, or a file SQLite cannot read, is refused with a DamagedStoreError that says what happened and the ways forward.
 */
export function openCheckedStore(
  paths: DataPaths,
  options: { nativeBinding?: string; now: number },
): { store: Store; restored: RestoreResult | null } {
  const restored = applyPendingRestore(paths, options.now);
  refuseLostStore(paths);
  let store: Store;
  try {
    store = openStore(paths, { nativeBinding: options.nativeBinding });
  } catch (err: unknown) {
    if (isCorruptionError(err)) throw damagedStoreError(paths, `cannot be read (${(err as Error).message})`);
    throw err;
  }
  // A store already started fresh by an older build (or put back from a backup taken before any
  // audio) has no items while audio/ holds recordings: the same loss, refused the same way.
  if (!storeHasItems(store.db) && storedRecordings(paths.audio).length > 0) {
    store.close();
    throw damagedStoreError(paths, 'holds no items');
  }
  return { store, restored };
}
