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
  const held = db.prepare(`SELECT 1 FROM leases WHERE item_id = ? AND token = ?`).pluck();
  return (lease) => {
    if (held.get(lease.itemId, lease.token) === undefined) throw new LeaseLostError(lease);
  };
}
