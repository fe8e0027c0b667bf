import fs from 'node:fs';
import path from 'node:path';
import type { Logger } from '../../log/logger';
import type { Queue } from '../../queue/queue';
import type { ItemsReadStore } from '../../store/items-read-store';
import { hashFile } from '../ingest/copy-into-store';

/** Extensions picked up from a watch folder. */
export const watchedExtensions = new Set(['.wav', '.mp3', '.ogg', '.oga', '.opus', '.flac', '.m4a', '.aac', '.mp4']);

export interface WatchFolderOptions {
  dir: string;
  queue: Queue;
  reads: ItemsReadStore;
  log: Logger;
  /** Called after new items were added (wake the engine, push to UIs). */
  onAdded(ids: number[]): void;
  /** How often the folder is scanned, ms. Default 1000. */
  pollMs?: number;
  /** A file is taken once its size and mtime have not changed for this long, ms. Default 2000. */
  stableMs?: number;
}

export interface WatchFolder {
  /** Resolves when the scan under way (if any) has finished. */
  stop(): Promise<void>;
  /** One scan now (tests, "rescan" buttons). */
  scan(): Promise<void>;
}

interface Seen {
  size: number;
  mtimeMs: number;
  /** When size/mtime were last seen to change. */
  changedAt: number;
  done: boolean;
}

/**
 * Picks up new audio dropped into `dir` (not its subfolders). Polling rather than fs.watch: it works
 * the same on every platform and network drive, and the first scan picks up what arrived while the
 * app was closed. A file is added once it has stopped growing; audio already known by its content
 * hash — in any state, discarded included — is never added again.
 */
export function startWatchFolder(o: WatchFolderOptions): WatchFolder {
  const pollMs = o.pollMs ?? 1000;
  const stableMs = o.stableMs ?? 2000;
  const log = o.log.child({ module: 'watch-folder', dir: o.dir });
  const seen = new Map<string, Seen>();
  let stopped = false;
  let running: Promise<void> = Promise.resolve();
  let warned = false;

  const scanOnce = async () => {
    let names: string[];
    try {
      names = await fs.promises.readdir(o.dir);
      warned = false;
    } catch (err: unknown) {
      if (!warned) log.warn({ code: (err as NodeJS.ErrnoException).code }, 'watch folder cannot be read');
      warned = true;
      return;
    }
    const now = performance.now();
    const added: number[] = [];
    for (const name of names) {
      if (stopped) return;
      if (name.startsWith('.') || !watchedExtensions.has(path.extname(name).toLowerCase())) continue;
      const file = path.join(o.dir, name);
      let stat: fs.Stats;
      try {
        stat = await fs.promises.stat(file);
      } catch {
        continue; // gone between readdir and stat
      }
      if (!stat.isFile()) continue;
      const prev = seen.get(file);
      if (!prev || prev.size !== stat.size || prev.mtimeMs !== stat.mtimeMs) {
        seen.set(file, { size: stat.size, mtimeMs: stat.mtimeMs, changedAt: now, done: false });
        // A file present at the first scan may still be growing: it waits like any other.
        continue;
      }
      if (prev.done || now - prev.changedAt < stableMs || stat.size === 0) continue;
      try {
        const { sha256, bytes } = await hashFile(file);
        prev.done = true;
        if (o.reads.itemWithSha256(sha256) !== undefined) continue;
        const r = o.queue.add({ sha256, sourcePath: file, fileName: name, sizeBytes: bytes, priority: 0 });
        if (r.outcome !== 'duplicate') added.push(r.itemId);
        log.info({ itemId: r.itemId, outcome: r.outcome }, 'picked up from the watch folder');
      } catch (err: unknown) {
        log.warn({ err, file: name }, 'watch folder file could not be added; will try again');
      }
    }
    for (const file of seen.keys()) if (!names.includes(path.basename(file))) seen.delete(file);
    if (added.length > 0) o.onAdded(added);
  };

  const scan = () => {
    running = running.then(scanOnce, scanOnce);
    return running;
  };
  const timer = setInterval(() => void scan(), pollMs);
  timer.unref();
  void scan();
  return {
    scan,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running.catch(() => undefined);
    },
  };
}
