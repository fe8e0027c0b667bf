import fs from 'node:fs';
import path from 'node:path';
import type { DataPaths } from '../config/data-dir';
import { newestGoodBackup } from './restore-store';

export class DamagedStoreError extends Error {
  override readonly name = 'DamagedStoreError';
}

export function isDamagedStoreError(e: unknown): e is DamagedStoreError {
  return e instanceof Error && e.name === 'DamagedStoreError';
}

/** SQLite's own words for a file that is not (or no longer) a whole database. */
export function isCorruptionError(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB');
}

/** Every stored recording under audio/ (`<sha[0:2]>/<sha256>.<ext>`). */
export function storedRecordings(audioDir: string): string[] {
  if (!fs.existsSync(audioDir)) return [];
  const out: string[] = [];
  for (const sub of fs.readdirSync(audioDir, { withFileTypes: true })) {
    if (!sub.isDirectory()) continue;
    for (const f of fs.readdirSync(path.join(audioDir, sub.name), { withFileTypes: true })) {
      if (f.isFile() && /^[0-9a-f]{64}\./.test(f.name)) out.push(path.join(audioDir, sub.name, f.name));
    }
  }
  return out;
}

/** What happened and the two ways forward, as one message for the CLI, serve and the app. */
export function damagedStoreError(paths: DataPaths, what: string): DamagedStoreError {
  const recordings = storedRecordings(paths.audio).length;
  const good = newestGoodBackup(paths.database);
  const backup = good
    ? `put back the newest good backup (${path.basename(good.file)}, ${good.items ?? '?'} items) with \`lifeline restore\``
    : 'there is no good backup to put back';
  return new DamagedStoreError(
    `the store ${paths.database} ${what}${recordings > 0 ? ` while audio/ holds ${recordings} recordings` : ''}; ` +
      `Lifeline did not start a fresh, empty store in its place. Either ${backup}, or re-add every stored recording ` +
      '(transcripts and memories are redone) with `lifeline doctor --rebuild`. `lifeline doctor` shows what it finds.',
  );
}

/**
 * Before the store is opened: a missing or empty database file while audio/ holds recordings is a
 * lost store, not a first start, and opening it would silently create a fresh one.
 */
export function refuseLostStore(paths: DataPaths): void {
  const exists = fs.existsSync(paths.database);
  if (exists && fs.statSync(paths.database).size > 0) return;
  if (storedRecordings(paths.audio).length === 0) return;
  throw damagedStoreError(paths, exists ? 'is empty (0 bytes)' : 'is missing');
}
