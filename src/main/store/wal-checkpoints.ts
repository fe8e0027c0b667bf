import type { SqliteDatabase } from './database';
import { checkpointNow } from './store-copy';

/** The first look again after a checkpoint left frames behind, ms; each further look waits twice as long, up to 100 ms. */
const firstRetryMs = 2;
/** After this long a FULL checkpoint ends the wait (it may stall the event loop, once), ms. */
const giveUpAfterMs = 2_000;

interface Waiter {
  /** WAL frames present at the call: the write to make durable is among them. */
  frames: number;
  since: number;
  resolve(): void;
  reject(err: unknown): void;
}

/**
 * Brings committed writes into the database file (fsynced) so an acknowledged write survives the
 * loss of the `-wal` file, without stalling the event loop. A PASSIVE checkpoint never waits for
 * other connections; a FULL one sleeps in the busy handler while a worker writes or reads an older
 * snapshot, and the engine's event loop sleeps with it (tens of ms under load). When readers kept
 * frames back, it looks again a little later, until the frames present at the call are in the file
 * (or the WAL was started afresh, which SQLite does only once every frame is in).
 */
export class WalCheckpoints {
  private readonly waiting: Waiter[] = [];
  private timer: NodeJS.Timeout | undefined;
  private retryMs = firstRetryMs;

  constructor(private readonly db: SqliteDatabase) {}

  /** Resolves once every write committed before the call is in the database file. */
  afterCommit(): Promise<void> {
    let frames: { log: number; checkpointed: number };
    try {
      frames = this.passive();
    } catch (err: unknown) {
      return Promise.reject(err);
    }
    if (frames.checkpointed >= frames.log) return Promise.resolve();
    return new Promise((resolve, reject) => {
      this.waiting.push({ frames: frames.log, since: performance.now(), resolve, reject });
      this.schedule();
    });
  }

  /** Copies every frame at once, waiting for other connections (the old way; backups and tests). */
  now(): void {
    checkpointNow(this.db);
  }

  private passive(): { log: number; checkpointed: number } {
    // Not in WAL mode (-1, -1): every commit is in the file already.
    const r = this.db.pragma('wal_checkpoint(PASSIVE)') as { busy: number; log: number; checkpointed: number }[];
    return { log: r[0]?.log ?? -1, checkpointed: r[0]?.checkpointed ?? -1 };
  }

  private schedule(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => this.lookAgain(), this.retryMs);
    this.retryMs = Math.min(100, this.retryMs * 2);
  }

  private lookAgain(): void {
    this.timer = undefined;
    try {
      // Closed meanwhile: SQLite checkpoints at close; nothing is left to look at.
      if (!this.db.open) return this.release(() => true);
      const oldest = Math.min(...this.waiting.map((w) => w.since));
      if (performance.now() - oldest > giveUpAfterMs) {
        this.now();
        return this.release(() => true);
      }
      const { log, checkpointed } = this.passive();
      this.release((w) => checkpointed >= w.frames || log < w.frames);
    } catch (err: unknown) {
      return this.release(() => true, err);
    }
    if (this.waiting.length > 0) this.schedule();
  }

  private release(done: (w: Waiter) => boolean, err?: unknown): void {
    for (let i = this.waiting.length - 1; i >= 0; i--) {
      const w = this.waiting[i]!;
      if (!done(w)) continue;
      this.waiting.splice(i, 1);
      if (err === undefined) w.resolve();
      else w.reject(err);
    }
    if (this.waiting.length === 0) this.retryMs = firstRetryMs;
  }
}
