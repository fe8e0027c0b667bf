import fs from 'node:fs';
import path from 'node:path';
import type { SqliteDatabase } from './database';
import { backupTo, checkStoreFile, vacuumInto } from './store-copy';

export const backupReasons = ['scheduled', 'manual', 'before-migration'] as const;
export type BackupReason = (typeof backupReasons)[number];

export interface BackupFile {
  file: string;
  name: string;
  /** When it was taken (ms epoch), from its name. */
  at: number;
  reason: BackupReason;
  bytes: number;
}

/** Backups sit beside the store: `<data dir>/backups/lifeline-20261207-031500-scheduled.db`. */
export const backupsDirOf = (database: string) => path.join(path.dirname(database), 'backups');

const namePattern = /^lifeline-(\d{8})-(\d{6})(\d{3})-(scheduled|manual|before-migration)\.db$/;

function nameFor(at: number, reason: BackupReason): string {
  const iso = new Date(at).toISOString(); // 2026-12-07T03:15:00.123Z
  const stamp = `${iso.slice(0, 10).replace(/-/g, '')}-${iso.slice(11, 19).replace(/:/g, '')}${iso.slice(20, 23)}`;
  return `lifeline-${stamp}-${reason}.db`;
}

function parseName(name: string): { at: number; reason: BackupReason } | null {
  const m = namePattern.exec(name);
  if (!m) return null;
  const [d, t, ms] = [m[1]!, m[2]!, m[3]!];
  const at = Date.UTC(
    +d.slice(0, 4),
    +d.slice(4, 6) - 1,
    +d.slice(6, 8),
    +t.slice(0, 2),
    +t.slice(2, 4),
    +t.slice(4, 6),
    +ms,
  );
  return { at, reason: m[4] as BackupReason };
}

/** Every backup in `dir`, newest first. */
export function listBackups(dir: string): BackupFile[] {
  if (!fs.existsSync(dir)) return [];
  const out: BackupFile[] = [];
  for (const name of fs.readdirSync(dir)) {
    const p = parseName(name);
    if (!p) continue;
    const file = path.join(dir, name);
    out.push({ file, name, at: p.at, reason: p.reason, bytes: fs.statSync(file).size });
  }
  return out.sort((a, b) => b.at - a.at);
}

export class BackupFailedError extends Error {
  override readonly name = 'BackupFailedError';
}

function prepare(dir: string, at: number, reason: BackupReason) {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const name = nameFor(at, reason);
  const tmp = path.join(dir, `${name}.partial`);
  fs.rmSync(tmp, { force: true });
  return { name, tmp, file: path.join(dir, name) };
}

/**
 * The copy was written under a temporary name; it gets its backup name only once `PRAGMA
 * integrity_check` passed on it: a file named like a backup is always a verified one.
 */
function seal(t: { name: string; tmp: string; file: string }, at: number, reason: BackupReason): BackupFile {
  try {
    const check = checkStoreFile(t.tmp);
    if (!check.ok)
      throw new BackupFailedError(`the copy failed its integrity check: ${check.problems.slice(0, 3).join('; ')}`);
    const fd = fs.openSync(t.tmp, 'r');
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fs.chmodSync(t.tmp, 0o600);
    fs.renameSync(t.tmp, t.file);
  } catch (err: unknown) {
    fs.rmSync(t.tmp, { force: true });
    throw err;
  }
  return { file: t.file, name: t.name, at, reason, bytes: fs.statSync(t.file).size };
}

/** An online backup of the open store (the engine keeps running), verified, then the oldest beyond `keep` removed. */
export async function takeBackup(
  db: SqliteDatabase,
  dir: string,
  reason: BackupReason,
  now: number,
  keep: number,
): Promise<BackupFile> {
  const t = prepare(dir, now, reason);
  try {
    await backupTo(db, t.tmp);
  } catch (err: unknown) {
    fs.rmSync(t.tmp, { force: true });
    throw err;
  }
  const b = seal(t, now, reason);
  rotateBackups(dir, keep);
  return b;
}

/** The copy made before a migration changes the schema: synchronous, since opening the store waits for it. */
export function takeBackupBeforeMigration(db: SqliteDatabase, dir: string, now: number): BackupFile {
  const t = prepare(dir, now, 'before-migration');
  try {
    vacuumInto(db, t.tmp);
  } catch (err: unknown) {
    fs.rmSync(t.tmp, { force: true });
    throw err;
  }
  return seal(t, now, 'before-migration');
}

/** Keeps the `keep` newest backups; older ones are deleted. */
export function rotateBackups(dir: string, keep: number): string[] {
  const removed = listBackups(dir).slice(Math.max(1, keep));
  for (const b of removed) fs.rmSync(b.file, { force: true });
  return removed.map((b) => b.name);
}
