import fs from 'node:fs';
import Database from 'better-sqlite3';
import type { SqliteDatabase } from './database';

/** What a look inside a copy of the store (a backup, or the store itself) found. */
export interface StoreFileCheck {
  /** `PRAGMA integrity_check` said ok. */
  ok: boolean;
  /** The first problems integrity_check reported, or why the file could not be read. */
  problems: string[];
  schemaVersion: number | null;
  items: number | null;
}

const sqlite = (file: string, nativeBinding?: string) =>
  new Database(file, {
    readonly: true,
    fileMustExist: true,
    nativeBinding: nativeBinding ?? process.env.LIFELINE_SQLITE_BINDING,
  });

/** Online copy through SQLite's backup API: the engine goes on writing meanwhile (pages are copied in steps). */
export async function backupTo(db: SqliteDatabase, file: string): Promise<void> {
  await db.backup(file);
}

/**
 * Synchronous copy (`VACUUM INTO`), used before a migration where opening the store must not
 * yield: the copy is compact and consistent as of now.
 */
export function vacuumInto(db: SqliteDatabase, file: string): void {
  db.prepare(`VACUUM INTO @file`).run({ file });
}

/** Opens `file` read-only and runs SQLite's full integrity check, plus the schema version and item count. */
export function checkStoreFile(file: string, nativeBinding?: string): StoreFileCheck {
  if (!fs.existsSync(file))
    return { ok: false, problems: ['the file does not exist'], schemaVersion: null, items: null };
  if (fs.statSync(file).size === 0)
    return { ok: false, problems: ['the file is empty (0 bytes)'], schemaVersion: null, items: null };
  let db: Database.Database | undefined;
  try {
    db = sqlite(file, nativeBinding);
    const rows = db.prepare(`PRAGMA integrity_check(20)`).pluck().all() as string[];
    const ok = rows.length === 1 && rows[0] === 'ok';
    const schemaVersion = db.pragma('user_version', { simple: true }) as number;
    const hasItems =
      db.prepare(`SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'items'`).pluck().get() === 1;
    const items = hasItems ? (db.prepare(`SELECT count(*) FROM items`).pluck().get() as number) : null;
    return {
      ok: ok && hasItems,
      problems: ok ? (hasItems ? [] : ['it holds no Lifeline store']) : rows,
      schemaVersion,
      items,
    };
  } catch (err: unknown) {
    return { ok: false, problems: [(err as Error).message], schemaVersion: null, items: null };
  } finally {
    db?.close();
  }
}

/** The SHA-256 (hex) of every item's audio: stored copies named otherwise are orphans. */
export function itemAudioHashes(db: SqliteDatabase): Set<string> {
  return new Set(db.prepare(`SELECT lower(hex(sha256)) FROM items`).pluck().all() as string[]);
}

/** The write-ahead log's state: how many frames it holds and how many are already in the database file. */
export function walState(db: SqliteDatabase): { journalMode: string; walFrames: number; checkpointed: number } {
  const journalMode = db.pragma('journal_mode', { simple: true }) as string;
  const r = db.pragma('wal_checkpoint(PASSIVE)') as { busy: number; log: number; checkpointed: number }[];
  return { journalMode, walFrames: r[0]?.log ?? 0, checkpointed: r[0]?.checkpointed ?? 0 };
}

/**
 * Copies every committed page of the write-ahead log into the database file and fsyncs it, waiting
 * (busy timeout) for readers. After this, what was committed survives even the loss of the `-wal`.
 */
export function checkpointNow(db: SqliteDatabase): void {
  db.pragma('wal_checkpoint(FULL)');
}

/** Every item's stored copy that the store names: doctor checks each is still there. */
export function storedAudioPaths(db: SqliteDatabase): string[] {
  return db.prepare(`SELECT stored_path FROM items WHERE stored_path IS NOT NULL`).pluck().all() as string[];
}

/** Opens the store file read-only, for doctor (which must work while the store is refused). */
export function openStoreReadOnly(file: string, nativeBinding?: string): SqliteDatabase {
  return sqlite(file, nativeBinding);
}

/**
 * A backup copy is a rollback-journal file; the store is WAL. Switched before the copy goes in
 * place, so the first opener does not have to switch it while other processes (a CLI, a reader)
 * may already have it open, which SQLite refuses.
 */
export function makeWal(file: string, nativeBinding?: string): void {
  const db = new Database(file, {
    fileMustExist: true,
    nativeBinding: nativeBinding ?? process.env.LIFELINE_SQLITE_BINDING,
  });
  try {
    db.pragma('journal_mode = WAL');
  } finally {
    db.close();
  }
}

/**
 * Whether the store holds any item or recording (a constant-time look, for the check at every
 * open). A recording being finished moves its audio into audio/ just before its item is made.
 */
export function storeHasItems(db: SqliteDatabase): boolean {
  return db.prepare(`SELECT EXISTS (SELECT 1 FROM items) OR EXISTS (SELECT 1 FROM recordings)`).pluck().get() === 1;
}
