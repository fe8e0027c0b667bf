import type { LeaseRef } from '../queue/queue-store';
import type { SqliteDatabase } from './database';

/**
 * Fenced stage-output writes: `write(lease, fn)` runs `fn` in one IMMEDIATE transaction only while
 * `lease` is still the job's live lease. A worker presumed dead (its job recovered and claimed
 * again) gets `false` and has written nothing, so an item never has two outputs for one stage.
 */
export class LeaseFence {
  private readonly held;
  private readonly tx;

  constructor(db: SqliteDatabase) {
    this.held = db.prepare(`SELECT 1 FROM leases WHERE item_id = ? AND token = ?`).pluck();
    this.tx = db.transaction(<T>(lease: LeaseRef, fn: () => T): { ok: true; value: T } | { ok: false } => {
      if (this.held.get(lease.itemId, lease.token) === undefined) return { ok: false };
      return { ok: true, value: fn() };
    });
  }

  write<T>(lease: LeaseRef, fn: () => T): { ok: true; value: T } | { ok: false } {
    return this.tx.immediate(lease, fn) as { ok: true; value: T } | { ok: false };
  }

  /** Whether the lease is still held (a read; a write must use `write`). */
  holds(lease: LeaseRef): boolean {
    return this.held.get(lease.itemId, lease.token) !== undefined;
  }
}
