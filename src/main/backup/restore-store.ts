import fs from 'node:fs';
import path from 'node:path';
import type { DataPaths } from '../config/data-dir';
import { checkStoreFile, makeWal } from '../store/store-copy';
import { backupsDirOf, listBackups } from '../store/backup-files';
import { ownerPid, StoreHolder } from './store-holder';

export class RestoreRefusedError extends Error {
  override readonly name = 'RestoreRefusedError';
}

export interface RestoreResult {
  restoredFrom: string;
  /** Where the store that was replaced went (never deleted), or null when there was none. */
  movedAside: string | null;
  items: number | null;
}

/** The newest backup that passes its integrity check, or null. */
export function newestGoodBackup(database: string): { file: string; at: number; items: number | null } | null {
  for (const b of listBackups(backupsDirOf(database))) {
    const c = checkStoreFile(b.file);
    if (c.ok) return { file: b.file, at: b.at, items: c.items };
  }
  return null;
}

/** Moves the store and its -wal/-shm into `backups/replaced-<stamp>/`: a damaged store is evidence, never deleted. */
export function moveStoreAside(paths: DataPaths, now: number): string | null {
  const parts = ['', '-wal', '-shm'].map((s) => paths.database + s).filter((f) => fs.existsSync(f));
  if (parts.length === 0) return null;
  const dir = path.join(backupsDirOf(paths.database), `replaced-${new Date(now).toISOString().replace(/[:.]/g, '-')}`);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  for (const f of parts) fs.renameSync(f, path.join(dir, path.basename(f)));
  return dir;
}

/** Refuses while a live engine holds the store, unless forced. */
export function refuseWhileHeld(paths: DataPaths, what: string, force: boolean): void {
  const holder = new StoreHolder(paths.dataDir).live();
  if (holder && !force) {
    throw new RestoreRefusedError(
      `a running Lifeline (${ownerPid(holder)}) has this store open; stop it (Ctrl-C on serve, or quit the app) and ${what} again (--force only if you are sure it is gone)`,
    );
  }
}

/**
 * Puts a backup in place of the store: the given file, or the newest one that passes its integrity
 * check. The store it replaces is moved aside, not deleted. Audio added after the backup was taken
 * is still in audio/: `lifeline doctor` lists it and `doctor --rebuild` adds it back.
 */
export function restoreStore(
  paths: DataPaths,
  options: { file?: string; force?: boolean; now: number },
): RestoreResult {
  refuseWhileHeld(paths, 'restore', options.force ?? false);
  let source: string;
  let items: number | null;
  if (options.file) {
    source = path.resolve(options.file);
    const c = checkStoreFile(source);
    if (!c.ok) throw new RestoreRefusedError(`${source} is not a good backup: ${c.problems.slice(0, 3).join('; ')}`);
    items = c.items;
  } else {
    const b = newestGoodBackup(paths.database);
    if (!b) throw new RestoreRefusedError(`there is no good backup in ${backupsDirOf(paths.database)}`);
    source = b.file;
    items = b.items;
  }
  const movedAside = moveStoreAside(paths, options.now);
  const tmp = `${paths.database}.restoring`;
  fs.copyFileSync(source, tmp);
  makeWal(tmp);
  for (const s of ['-wal', '-shm']) fs.rmSync(tmp + s, { force: true });
  const fd = fs.openSync(tmp, 'r');
  fs.fsyncSync(fd);
  fs.closeSync(fd);
  fs.chmodSync(tmp, 0o600);
  fs.renameSync(tmp, paths.database);
  return { restoredFrom: source, movedAside, items };
}

const pendingFile = (paths: DataPaths) => path.join(paths.dataDir, 'restore-pending');

/** Settings' "Restore": the engine has the store open, so the swap happens at the next start. */
export function requestRestoreAtStart(paths: DataPaths, file: string): void {
  const c = checkStoreFile(file);
  if (!c.ok)
    throw new RestoreRefusedError(`${path.basename(file)} is not a good backup: ${c.problems.slice(0, 3).join('; ')}`);
  fs.writeFileSync(pendingFile(paths), file, { mode: 0o600 });
}

export function pendingRestore(paths: DataPaths): string | null {
  try {
    return fs.readFileSync(pendingFile(paths), 'utf8').trim() || null;
  } catch {
    return null;
  }
}

/** At start, before the store is opened: a restore asked for from Settings is carried out (once no engine holds the store). */
export function applyPendingRestore(paths: DataPaths, now: number): RestoreResult | null {
  const file = pendingFile(paths);
  const wanted = pendingRestore(paths);
  if (!wanted) return null;
  if (new StoreHolder(paths.dataDir).live()) return null;
  try {
    return restoreStore(paths, { file: wanted, now });
  } finally {
    fs.rmSync(file, { force: true });
  }
}
