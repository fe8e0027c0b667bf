import type { Stage } from '../../shared/contract';
import type { EventInput } from '../queue/queue-store';
import type { SqliteDatabase } from './database';

/**
 * An item's event log is a backward chain (migration 0007): each event names the item's previous
 * event (`prev_id`) and the job row names the newest (`last_event_id`), so a timeline is a walk of
 * primary-key lookups and the events table needs no index by item.
 */
export interface EventLog {
  /**
   * Appends an event and moves the job row's head to it. Use this unless the same transaction
   * writes the job row anyway.
   */
  append(itemId: number, now: number, stage: Stage | null, e: EventInput): void;
  /**
   * Inserts an event linked to the current head and returns its id, leaving the head as it is: the
   * caller MUST set `jobs.last_event_id` to that id in its own write of the job row (the queue's
   * transitions do, which saves the hot path an UPDATE per event).
   */
  insert(itemId: number, now: number, stage: Stage | null, e: EventInput): number;
}

export function eventLog(db: SqliteDatabase): EventLog {
  const insertEvent = db.prepare(`INSERT INTO events (item_id, at, type, stage, actor, detail, error_code, error_message, prev_id)
                                  VALUES (?, ?, ?, ?, ?, ?, ?, ?, (SELECT last_event_id FROM jobs WHERE item_id = ?))`);
  const moveHead = db.prepare(`UPDATE jobs SET last_event_id = ? WHERE item_id = ?`);
  const insert = (itemId: number, now: number, stage: Stage | null, e: EventInput): number =>
    Number(
      insertEvent.run(itemId, now, e.type, stage, e.actor, e.detail ?? null, e.error?.code ?? null, e.error?.message ?? null, itemId)
        .lastInsertRowid,
    );
  return {
    insert,
    append: (itemId, now, stage, e) => {
      moveHead.run(insert(itemId, now, stage, e), itemId);
    },
  };
}

/**
 * `chain`: one item's events (the given columns plus `prev_id`), walked newest first from the head on
 * its job row back along `prev_id`, for `@itemId`. `e.id < c.id` ends the walk even on a damaged chain.
 */
export function itemEventChain(columns: readonly string[]): string {
  const cols = [...columns, 'prev_id'].map((c) => `e.${c}`).join(', ');
  return `WITH RECURSIVE chain AS (
            SELECT ${cols} FROM jobs j JOIN events e ON e.id = j.last_event_id WHERE j.item_id = @itemId
            UNION ALL
            SELECT ${cols} FROM chain c JOIN events e ON e.id = c.prev_id AND e.id < c.id)`;
}
