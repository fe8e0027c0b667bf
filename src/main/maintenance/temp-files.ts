import fs from 'node:fs';
import path from 'node:path';
import type { Logger } from '../log/logger';
import { staleTempFiles, tempFilesOf, type TempFileEntry } from './temp-file-policy';

/** Whether a process is running (EPERM: it is, under another user). */
function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err: unknown) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function remove(tmpDir: string, names: readonly string[]): number {
  let removed = 0;
  for (const name of names) {
    try {
      fs.rmSync(path.join(tmpDir, name), { force: true });
      removed++;
    } catch {
      // Still held on a platform that locks open files: the next start tries again.
    }
  }
  return removed;
}

function list(tmpDir: string): TempFileEntry[] {
  let names: string[];
  try {
    names = fs.readdirSync(tmpDir);
  } catch {
    return [];
  }
  return names.flatMap((name) => {
    try {
      const stat = fs.lstatSync(path.join(tmpDir, name));
      return stat.isFile() ? [{ name, mtimeMs: stat.mtimeMs }] : [];
    } catch {
      return [];
    }
  });
}

/**
 * At start: removes what crashed processes left in tmp/ (a cut-off upload's `.part`, a killed
 * worker's temporary WAV of the user's audio). Files of processes still running stay. Returns the count.
 */
export function removeStaleTempFiles(tmpDir: string, now: number, log: Logger): number {
  const stale = staleTempFiles(list(tmpDir), processAlive, now);
  const removed = remove(tmpDir, stale);
  if (removed > 0) log.info({ removed }, 'removed temporary files left by processes that are gone');
  return removed;
}

/**
 * Removes the temporary files of one process that has exited (a worker killed mid-transcription
 * leaves no WAV of the user's audio behind). Never this process's own.
 */
export function removeTempFilesOf(tmpDir: string, pid: number | undefined, log: Logger): void {
  if (pid === undefined || pid === process.pid) return;
  const removed = remove(
    tmpDir,
    tempFilesOf(
      list(tmpDir).map((e) => e.name),
      pid,
    ),
  );
  if (removed > 0) log.info({ pid, removed }, 'removed the temporary files of a worker that exited');
}
