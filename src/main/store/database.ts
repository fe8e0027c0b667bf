import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { migrate } from './migrate';
import { migrations } from './migrations';

export type SqliteDatabase = Database.Database;

export interface OpenDatabaseOptions {
  /** How long a writer waits for another process's write lock before SQLITE_BUSY, ms. Default 5000. */
  busyTimeoutMs?: number;
  readonly?: boolean;
  /** Path of a better-sqlite3 binary built for this runtime (Electron passes its own). */
  nativeBinding?: string;
}

/**
 * Opens (creating if needed) the store and brings its schema up to date. WAL lets the CLI, `serve`
 * and the desktop app share one file: readers never block the single writer.
 */
export function openDatabase(file: string, options: OpenDatabaseOptions = {}): SqliteDatabase {
  if (!options.readonly) fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file, {
    readonly: options.readonly ?? false,
    timeout: options.busyTimeoutMs ?? 5000,
    nativeBinding: options.nativeBinding ?? process.env.LIFELINE_SQLITE_BINDING,
  });
  db.pragma('journal_mode = WAL');
  // NORMAL in WAL mode never corrupts and survives an app crash; only an OS crash or power cut may
  // drop the last commits. FULL would fsync on every claim and heartbeat.
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  // Checkpoint every ~16 MB of WAL instead of ~4 MB: fewer, larger checkpoints take their fsyncs off
  // most commits (measured in bench/: ~15% more jobs/s on the enqueue → claim → complete path).
  db.pragma('wal_autocheckpoint = 4000');
  if (!options.readonly) migrate(db, migrations);
  return db;
}
