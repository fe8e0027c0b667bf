import fs from 'node:fs';
import path from 'node:path';
import type { WatchFolderStatus } from '../../../shared/contract';
import type { Logger } from '../../log/logger';
import type { Queue } from '../../queue/queue';
import type { WatchedFilesStore } from '../../store/watched-files-store';
import type { Clock, Timer } from '../../time/clock';
import { addFiles } from './add-files';

export interface WatchFolderDeps {
  dir: string;
  queue: Queue;
  watched: WatchedFilesStore;
  clock: Clock;
  log: Logger;
  afterWrite(): void;
  /** Called when what `status()` says may have changed (a file handled, the folder gone or back). */
  onStatusChange?(): void;
  /**
   * Asked before a file is added: a refusal (a full disk) leaves the file in the folder, to be added
   * when space returns. Default: always accepted.
   */
  intakeRefusal?(what: string): Promise<string | null>;
  /** How often the folder is looked at, ms. Default 2000. */
  intervalMs?: number;
}

const audioExtensions = new Set(['.wav', '.mp3', '.m4a', '.ogg', '.oga', '.opus', '.flac', '.webm', '.aac', '.mp4']);
/** Names of files still being written by browsers, sync tools and recorders. */
const inProgress = /(\.part|\.partial|\.crdownload|\.download|\.tmp|~)$/i;

/**
 * The watch folder, looked at every couple of seconds (a directory listing is cheap and, unlike
 * fs.watch, behaves the same on every OS, network drives included). A file is added once its size
 * and modification time are the same on two looks in a row, so a recording still being copied in is
 * not taken half-written. What was handled is remembered in the store, so a restart does not hash
 * the whole folder again; the same audio twice is one item either way.
 */
export class WatchFolder {
  readonly dir: string;
  private timer: Timer | undefined;
  private scanning = false;
  private stopped = false;
  private lastScanAt: number | null = null;
  private problem: string | null = null;
  private readonly settling = new Map<string, { size: number; mtimeMs: number }>();
  private readonly log: Logger;

  constructor(private readonly deps: WatchFolderDeps) {
    this.dir = path.resolve(deps.dir);
    this.log = deps.log.child({ module: 'watch-folder' });
  }

  start(): void {
    void this.scan();
    this.timer = this.deps.clock.setInterval(() => void this.scan(), this.deps.intervalMs ?? 2_000).unref();
  }

  stop(): void {
    this.stopped = true;
    this.deps.clock.clearInterval(this.timer);
  }

  status(): WatchFolderStatus {
    const counts = this.deps.watched.counts(this.dir + path.sep);
    return {
      path: this.dir,
      state: this.problem ? 'missing' : 'watching',
      problem: this.problem,
      lastScanAt: this.lastScanAt === null ? null : new Date(this.lastScanAt).toISOString(),
      added: counts.added,
      duplicates: counts.duplicate,
      rejected: counts.rejected,
      settling: this.settling.size,
    };
  }

  async scan(): Promise<void> {
    if (this.scanning || this.stopped) return;
    this.scanning = true;
    try {
      await this.scanOnce();
    } catch (err: unknown) {
      this.log.error({ err }, 'watch folder scan failed');
    } finally {
      this.scanning = false;
      this.lastScanAt = this.deps.clock.now();
    }
  }

  private async scanOnce(): Promise<void> {
    let entries: fs.Dirent[];
    try {
      entries = await fs.promises.readdir(this.dir, { withFileTypes: true });
    } catch (err: unknown) {
      const code = (err as NodeJS.ErrnoException).code;
      const next = code === 'ENOENT' ? 'the folder does not exist' : `the folder cannot be read (${code ?? 'error'})`;
      if (next !== this.problem) {
        this.log.warn({ dir: this.dir, code }, 'watch folder unavailable');
        this.problem = next;
        this.deps.onStatusChange?.();
      }
      return;
    }
    if (this.problem !== null) {
      this.problem = null;
      this.deps.onStatusChange?.();
    }
    const present = new Set<string>();
    let added = false;
    for (const entry of entries) {
      if (!entry.isFile() || entry.name.startsWith('.') || inProgress.test(entry.name)) continue;
      if (!audioExtensions.has(path.extname(entry.name).toLowerCase())) continue;
      const file = path.join(this.dir, entry.name);
      present.add(file);
      let stat: fs.Stats;
      try {
        stat = await fs.promises.stat(file);
      } catch {
        continue;
      }
      const now = { size: stat.size, mtimeMs: Math.round(stat.mtimeMs) };
      const known = this.deps.watched.get(file);
      if (known && known.size === now.size && known.mtimeMs === now.mtimeMs) continue;
      const before = this.settling.get(file);
      if (!before || before.size !== now.size || before.mtimeMs !== now.mtimeMs || now.size === 0) {
        this.settling.set(file, now);
        continue;
      }
      if (this.stopped) return;
      const refusal = await this.deps.intakeRefusal?.(entry.name);
      if (refusal) {
        // Kept settling: once space returns the file is added on the next look.
        this.log.warn({ dir: this.dir }, 'watch folder waits: the disk is full');
        return;
      }
      this.settling.delete(file);
      // The timeline says the folder found it: nobody added it by hand at that moment.
      const r = await addFiles(this.deps.queue, [file], 0, null, undefined, (f) => `found in the watch folder: ${f}`);
      const outcome = r.added.length > 0 ? 'added' : r.duplicates.length > 0 ? 'duplicate' : 'rejected';
      const itemId = r.added[0]?.id ?? r.duplicates[0]?.id ?? null;
      this.deps.watched.put({ path: file, ...now, outcome, itemId }, this.deps.clock.now());
      const refused = r.rejected[0];
      // Not audio (or unreadable): skipped and remembered, so it is not looked at again until it changes.
      if (refused) this.log.warn({ code: refused.code, reason: refused.message }, 'watch folder file skipped');
      else this.log.info({ itemId, outcome }, 'watch folder file handled');
      added ||= outcome === 'added';
      this.deps.onStatusChange?.();
    }
    for (const file of this.settling.keys()) if (!present.has(file)) this.settling.delete(file);
    if (added) this.deps.afterWrite();
  }
}
