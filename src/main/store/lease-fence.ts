import type { LeaseRef } from '../queue/queue-store';
import type { SqliteDatabase } from './database';

const brand = Symbol.for('lifeline.LeaseLostError');

/** A stage-output write refused because the writer no longer holds the item's lease. */
export class LeaseLostError extends Error {
  override readonly name = 'LeaseLostError';
  readonly [brand] = true;
  constructor(readonly lease: LeaseRef) {
    super(`item ${lease.itemId}: lease ${lease.token} is no longer held; the write was refused`);
  }
}

export function isLeaseLostError(e: unknown): e is LeaseLostError {
  return typeof e === 'object' && e !== null && (e as Record<symbol, unknown>)[brand] === true;
}

/**
 * The fence every stage-output write passes inside its transaction: the `leases` row must still
 * carry the writer's token. A worker presumed dead (its lease expired and the job was claimed again)
 * can then never overwrite the attempt that replaced it.
 */
export function leaseFence(db: SqliteDatabase): (lease: LeaseRef) => void {
  const held = db.prepare(`SELECT 1 FROM leases WHERE item_id = @itemId AND token = @token`).pluck();
  return (lease) => {
    if (held.get({ itemId: lease.itemId, token: lease.token }) === undefined) throw new LeaseLostError(lease);
  };
}

/**
 * Fenced stage-output writes as one call: `write(lease, fn)` runs `fn` in one IMMEDIATE transaction
 * only while `lease` is still the job's live lease; a worker presumed dead gets `false` and has
 * written nothing. (Stores that already run a transaction call `leaseFence(db)` inside it instead.)
 */
export class LeaseFence {
  private readonly check;
  private readonly tx;

  constructor(db: SqliteDatabase) {
    this.check = leaseFence(db);
    this.tx = db.transaction(<T>(lease: LeaseRef, fn: () => T): { ok: true; value: T } | { ok: false } => {
      try {
        this.check(lease);
      } catch (e) {
        if (isLeaseLostError(e)) return { ok: false };
        throw e;
      }
      return { ok: true, value: fn() };
    });
  }

  write<T>(lease: LeaseRef, fn: () => T): { ok: true; value: T } | { ok: false } {
    return this.tx.immediate(lease, fn) as { ok: true; value: T } | { ok: false };
  }
}
