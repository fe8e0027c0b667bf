import type { DataPaths } from '../config/data-dir';
import { openDatabase, type SqliteDatabase } from '../store/database';
import { applyPendingRestore, type RestoreResult } from './restore-store';
import { damagedStoreError, isCorruptionError, refuseLostStore, storedRecordings } from './store-damage';
import { storeHasItems } from '../store/store-copy';

/**
 * Opens the store's database, never a fresh one in place of a lost one: a restore asked for from
 * Settings is carried out first; a missing or empty database, or one without items, while audio/
 * holds recordings, or a file SQLite cannot read, is refused with a DamagedStoreError that says what
 * happened and the ways forward. `build` makes what the caller uses of the connection (a corrupt
 * file may first show there). The bare connection serves a reader of a table or two (`lifeline status`).
 */
export function openCheckedDatabase<T = SqliteDatabase>(
  paths: DataPaths,
  options: { nativeBinding?: string; now: number },
  build: (db: SqliteDatabase) => T = (db) => db as T,
): { db: SqliteDatabase; built: T; restored: RestoreResult | null } {
  const restored = applyPendingRestore(paths, options.now);
  refuseLostStore(paths);
  let db: SqliteDatabase | undefined;
  let built: T;
  try {
    db = openDatabase(paths.database, { nativeBinding: options.nativeBinding });
    built = build(db);
  } catch (err: unknown) {
    db?.close();
    if (isCorruptionError(err)) throw damagedStoreError(paths, `cannot be read (${(err as Error).message})`);
    throw err;
  }
  // A store already started fresh by an older build (or put back from a backup taken before any
  // audio) has no items while audio/ holds recordings: the same loss, refused the same way.
  if (!storeHasItems(db) && storedRecordings(paths.audio).length > 0) {
    db.close();
    throw damagedStoreError(paths, 'holds no items');
  }
  return { db, built, restored };
}
