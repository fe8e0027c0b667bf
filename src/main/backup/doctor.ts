import fs from 'node:fs';
import path from 'node:path';
import type { DataPaths } from '../config/data-dir';
import { checkStoreFile, itemAudioHashes, openStoreReadOnly, storedAudioPaths } from '../store/store-copy';
import { backupsDirOf, listBackups } from '../store/backup-files';
import { storedRecordings } from './store-damage';

export type DoctorStatus = 'ok' | 'warn' | 'fail';
export interface DoctorCheck {
  name: 'store' | 'wal' | 'audio' | 'permissions' | 'backups';
  status: DoctorStatus;
  message: string;
}
export interface DoctorReport {
  checks: DoctorCheck[];
  /** Stored recordings no item holds (`doctor --rebuild` adds them). */
  orphans: string[];
  /** Stored copies the store names that are gone from disk. */
  missing: string[];
}

const mib = (b: number) => `${(b / 1024 ** 2).toFixed(1)} MiB`;
const mode = (f: string) => fs.statSync(f).mode & 0o777;
const octal = (m: number) => `0${m.toString(8)}`;

/**
 * Looks the data dir over without changing it: the store's integrity, the write-ahead log, stored
 * audio no item holds (and items whose audio is gone), who else may read the files, the backups.
 * Works on a store Lifeline refuses to open.
 */
export function runDoctor(paths: DataPaths, now: number): DoctorReport {
  const checks: DoctorCheck[] = [];
  const store = checkStoreFile(paths.database);
  checks.push(
    store.ok
      ? {
          name: 'store',
          status: 'ok',
          message: `integrity check ok: ${store.items} items, schema ${store.schemaVersion}`,
        }
      : { name: 'store', status: 'fail', message: `${paths.database}: ${store.problems.slice(0, 3).join('; ')}` },
  );

  const wal = `${paths.database}-wal`;
  const walBytes = fs.existsSync(wal) ? fs.statSync(wal).size : 0;
  checks.push({
    name: 'wal',
    status: 'ok',
    message:
      walBytes === 0
        ? 'no write-ahead log pending (everything is in the database file)'
        : `write-ahead log ${mib(walBytes)} (a running Lifeline folds it in as it goes)`,
  });

  const recordings = storedRecordings(paths.audio);
  let orphans: string[] = [];
  let missing: string[] = [];
  if (store.ok) {
    const db = openStoreReadOnly(paths.database);
    try {
      const held = itemAudioHashes(db);
      orphans = recordings.filter((f) => !held.has(path.basename(f).slice(0, 64)));
      missing = storedAudioPaths(db).filter((f) => !fs.existsSync(f));
    } finally {
      db.close();
    }
    const problems = [
      orphans.length > 0
        ? `${orphans.length} stored recordings belong to no item (\`lifeline doctor --rebuild\` adds them back)`
        : '',
      missing.length > 0 ? `${missing.length} items' stored audio is missing` : '',
    ].filter(Boolean);
    checks.push({
      name: 'audio',
      status: problems.length ? 'warn' : 'ok',
      message: problems.join('; ') || `${recordings.length} stored recordings, each held by an item`,
    });
  } else {
    checks.push({
      name: 'audio',
      status: recordings.length ? 'warn' : 'ok',
      message: `${recordings.length} stored recordings in audio/ (not matched: the store cannot be read)`,
    });
  }

  const open = [paths.dataDir, paths.database, paths.audio, paths.logs].filter(
    (f) => fs.existsSync(f) && (mode(f) & 0o077) !== 0,
  );
  checks.push(
    open.length === 0
      ? { name: 'permissions', status: 'ok', message: 'only you can read the data dir' }
      : {
          name: 'permissions',
          status: 'warn',
          message: `other users may read: ${open.map((f) => `${path.relative(paths.dataDir, f) || '.'} (${octal(mode(f))})`).join(', ')}`,
        },
  );

  const backups = listBackups(backupsDirOf(paths.database));
  const newest = backups[0];
  checks.push(
    newest
      ? {
          name: 'backups',
          status: now - newest.at > 8 * 86_400_000 ? 'warn' : 'ok',
          message: `${backups.length} backups, the newest ${newest.name} (${((now - newest.at) / 3_600_000).toFixed(1)} h old)`,
        }
      : { name: 'backups', status: 'warn', message: 'no backups yet (`lifeline backup` takes one now)' },
  );
  return { checks, orphans, missing };
}
