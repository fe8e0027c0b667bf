import { CheckpointThread, type WalFrames } from './checkpoint-thread';
import type { SqliteDatabase } from './database';
import { checkpointNow } from './store-copy';

/** The first look again after a checkpoint left frames behind, ms; each further look waits twice as long, up to 100 ms. */
const firstRetryMs = 2;
/** After this long a FULL checkpoint ends the wait (it may stall the event loop, once), ms. */
const giveUpAfterMs = 2_000;

/**
 * Brings committed writes into the database file (fsynced) so an acknowledged write survives the
 * loss of the `-wal` file, without stalling the event loop. The checkpoint is PASSIVE and runs on a
 * thread of its own (checkpoint-thread.ts): it never waits for other connections, where a FULL one
 * sleeps in the busy handler while a worker writes or reads an older snapshot, and the engine's
 * event loop would sleep with it. When readers kept frames back, it looks again a little later,
 * until the frames present at the call are in the file (or the WAL was started afresh, which
 * SQLite does only once every frame is in).
 */
export class WalCheckpoints {
  private thread: CheckpointThread | null;

  constructor(private readonly db: SqliteDatabase) {
    this.thread = db.memory ? null : new CheckpointThread(db.name);
  }

  /** Resolves once every write committed before the call is in the database file. */
  async afterCommit(): Promise<void> {
    const since = performance.now();
    let waitMs = firstRetryMs;
    let target: number | null = null;
    for (;;) {
      // Closed meanwhile: SQLite checkpoints at close; nothing is left to look at.
      if (!this.db.open) return;
      if (performance.now() - since > giveUpAfterMs) return this.now();
      const { log, checkpointed } = await this.passive();
      // Not in WAL mode (-1, -1), or every frame in: done. Else the frames present now include the write.
      if (target === null && checkpointed >= log) return;
      target ??= log;
      if (checkpointed >= target || log < target) return;
      await new Promise((r) => setTimeout(r, waitMs));
      waitMs = Math.min(100, waitMs * 2);
    }
  }

  /** Copies every frame at once, waiting for other connections (backups, benches). */
  now(): void {
    checkpointNow(this.db);
  }

  close(): void {
    this.thread?.close();
  }

  private async passive(): Promise<WalFrames> {
    if (this.thread) {
      try {
        return await this.thread.passive();
      } catch {
        // Closed meanwhile: as good as done (see afterCommit).
        if (!this.db.open) return { log: -1, checkpointed: -1 };
        // No thread here (it could not start or load the driver): the event loop does it, as before.
        this.thread.close();
        this.thread = null;
      }
    }
    const r = this.db.pragma('wal_checkpoint(PASSIVE)') as { log: number; checkpointed: number }[];
    return { log: r[0]?.log ?? -1, checkpointed: r[0]?.checkpointed ?? -1 };
  }
}
