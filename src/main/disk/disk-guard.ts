import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import type { Stop } from '../../shared/stop';
import type { Logger } from '../log/logger';
import { systemClock, type Clock, type Timer } from '../time/clock';
import { diskFullMessage, diskLevel, nextDiskLookMs, type DiskLevel, type DiskThresholds } from './disk-space-policy';

/** Free bytes for the file system that holds `dir`. The seam tests replace to play a full disk. */
export type FreeSpaceReader = (dir: string) => Promise<number>;

export const statfsFreeSpace: FreeSpaceReader = async (dir) => {
  const s = await fs.promises.statfs(dir);
  return s.bavail * s.bsize;
};

export interface DiskReading {
  freeBytes: number;
  level: DiskLevel;
}

export interface DiskGuardOptions {
  dataDir: string;
  read?: FreeSpaceReader;
  thresholds(): DiskThresholds & { intervalMs: number };
  log: Logger;
  /** Times the looks. Default: the system clock. */
  clock?: Clock;
}

export interface DiskGuardEvents {
  level: [reading: DiskReading];
}

/**
 * The one place free space is read: before every intake (so a full disk refuses new audio at once,
 * not at the next health round) and, while space is short, every few seconds, so the health check,
 * the parked work and intake follow within seconds when space runs out or returns.
 */
export class DiskGuard extends EventEmitter<DiskGuardEvents> {
  private last: DiskReading | null = null;
  private timer: Timer | undefined;
  private running = false;
  private readonly reader: FreeSpaceReader;
  private readonly clock: Clock;

  constructor(private readonly o: DiskGuardOptions) {
    super();
    this.reader = o.read ?? statfsFreeSpace;
    this.clock = o.clock ?? systemClock;
  }

  /** Reads free space now; emits `level` when the level changed since the last reading. */
  async read(): Promise<DiskReading> {
    const freeBytes = await this.reader(this.o.dataDir);
    const reading = { freeBytes, level: diskLevel(freeBytes, this.o.thresholds()) };
    const before = this.last?.level;
    this.last = reading;
    if (before !== undefined && before !== reading.level) {
      this.o.log.warn({ freeBytes, from: before, to: reading.level }, 'disk space level changed');
      this.emit('level', reading);
      this.schedule();
    }
    return reading;
  }

  /** The refusal message when the disk is full now (a fresh reading), or null when `what` may come in. */
  async intakeRefusal(what: string): Promise<string | null> {
    let r: DiskReading;
    try {
      r = await this.read();
    } catch (err: unknown) {
      // An unreadable statfs is no proof of a full disk: the write itself will tell.
      this.o.log.warn({ err }, 'free space could not be read');
      return null;
    }
    return r.level === 'full' ? diskFullMessage(r.freeBytes, this.o.thresholds(), what) : null;
  }

  /** Starts looking on its own: every few seconds while short of space, at the health pace otherwise. */
  start(): Stop {
    if (!this.running) {
      this.running = true;
      void this.look();
    }
    return () => this.stop();
  }

  private async look(): Promise<void> {
    try {
      await this.read();
    } catch (err: unknown) {
      this.o.log.warn({ err }, 'free space could not be read');
    }
    this.schedule();
  }

  /** The next look, at the pace the last reading calls for (a reading from an intake or a health check counts too). */
  private schedule(): void {
    if (!this.running) return;
    this.clock.clearTimeout(this.timer);
    this.timer = this.clock
      .setTimeout(() => void this.look(), nextDiskLookMs(this.last?.level ?? 'ok', this.o.thresholds().intervalMs))
      .unref();
  }

  stop(): void {
    this.running = false;
    this.clock.clearTimeout(this.timer);
    this.timer = undefined;
  }
}
