import fs from 'node:fs';
import path from 'node:path';
import { defaultConfig } from '../config/config';
import { statfsFreeSpace } from '../disk/disk-guard';

/**
 * When the store could not be opened or written (SQLite's "database or disk is full" or "disk I/O
 * error", or ENOSPC) and the disk is indeed nearly full, the one line the CLI shows instead of an
 * internal error; null when the failure is something else.
 */
export async function fullDiskMessage(err: unknown, dataDir: string): Promise<string | null> {
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !(code === 'SQLITE_FULL' || code.startsWith('SQLITE_IOERR') || code === 'ENOSPC'))
    return null;
  let dir = dataDir;
  while (!fs.existsSync(dir) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  let free: number;
  try {
    free = await statfsFreeSpace(dir);
  } catch {
    return null;
  }
  if (free >= defaultConfig.health.diskRedBytes) return null;
  return `the disk holding ${dataDir} is full (${(free / 1024 ** 2).toFixed(0)} MiB free), so the store cannot be written; free some space and try again`;
}
