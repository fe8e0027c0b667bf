import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { backupsDirOf, takeBackupBeforeMigration } from './backup-files';
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
  // Checkpoint every ~40 MB of WAL instead of SQLite's ~4 MB. A checkpoint is where the fsyncs are
  // (the commit that crosses the mark pays them), and pages rewritten many times between two
  // checkpoints reach the database file once. Measured in bench/queue-bench.ts: 1,000 → 4,000 →
  // 10,000 pages gave ~15 % and then ~8 % more jobs/s. The cost: the -wal file keeps up to ~40 MB
  // on disk and a restart after a crash replays up to that much (well under a second).
  db.pragma('wal_autocheckpoint = 10000');
  // A reader that blocks checkpoints for long can let the WAL grow past the mark; once it is
  // checkpointed, the file is cut back to this size.
  db.pragma('journal_size_limit = 67108864');
  if (!options.readonly) {
    // A store written by an older build is copied (and the copy verified) before its schema changes.
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > 0 && version < migrations.length) takeBackupBeforeMigration(db, backupsDirOf(file), Date.now());
    migrate(db, migrations);
  }
  return db;
}
