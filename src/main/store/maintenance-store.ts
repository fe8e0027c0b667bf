import type { SqliteDatabase } from './database';
import { itemEventChain } from './event-log';

/** Event types that only narrate routine progress; an item's outcome stays readable without them. */
const routineEventTypes = ['started', 'due', 'waiting', 'resumed', 'released'];

/** Items trimmed per transaction, so workers' heartbeats never wait long for the write lock. */
const itemsPerTransaction = 500;

/**
 * Retention: routine events of items done long ago are dropped (their `added`, `succeeded`, errors
 * and recoveries stay), and old service events, recovery rows and health results go.
 */
export class MaintenanceStore {
  private readonly s;
  private readonly trimItems;
  private readonly pruneOthers;

  constructor(db: SqliteDatabase) {
    const routine = new Set(routineEventTypes);
    const routineSql = routineEventTypes.map((t) => `'${t}'`).join(', ');
    this.s = {
      // Events have no index by item (migration 0007): one pass over the table, nightly, finds them.
      itemsToTrim: db
        .prepare(
          `SELECT DISTINCT e.item_id FROM events e CROSS JOIN jobs j ON j.item_id = e.item_id
                  WHERE e.type IN (${routineSql}) AND j.state = 'done' AND j.updated_at < @before`,
        )
        .pluck(),
      stillDone: db
        .prepare(`SELECT 1 FROM jobs WHERE item_id = @itemId AND state = 'done' AND updated_at < @before`)
        .pluck(),
      chain: db.prepare(`${itemEventChain(['id', 'type'])} SELECT id, type, prev_id FROM chain`),
      deleteEvent: db.prepare(`DELETE FROM events WHERE id = @id`),
      relink: db.prepare(`UPDATE events SET prev_id = @prev WHERE id = @id`),
      head: db.prepare(`UPDATE jobs SET last_event_id = @head WHERE item_id = @itemId`),
      serviceEvents: db.prepare(`DELETE FROM service_events WHERE at < @before`),
      recoveryLog: db.prepare(`DELETE FROM recovery_log WHERE detected_at < @before`),
      health: db.prepare(`DELETE FROM health_checks WHERE at < @before`),
    };
    // Drops an item's routine events and links each kept event to the kept one before it, so the
    // item's timeline (a walk along prev_id) still reaches its first event.
    const trim = (itemId: number): number => {
      const newestFirst = this.s.chain.all({ itemId }) as { id: number; type: string; prev_id: number | null }[];
      const kept = newestFirst.filter((e) => !routine.has(e.type));
      if (kept.length === newestFirst.length) return 0;
      for (const e of newestFirst) if (routine.has(e.type)) this.s.deleteEvent.run({ id: e.id });
      kept.forEach((e, i) => {
        const prev = kept[i + 1]?.id ?? null;
        if (e.prev_id !== prev) this.s.relink.run({ prev, id: e.id });
      });
      const head = kept[0]?.id ?? null;
      if (head !== newestFirst[0]?.id) this.s.head.run({ head, itemId });
      return newestFirst.length - kept.length;
    };
    this.trimItems = db.transaction((itemIds: number[], before: number) => {
      let dropped = 0;
      for (const id of itemIds) if (this.s.stillDone.get({ itemId: id, before })) dropped += trim(id);
      return dropped;
    });
    this.pruneOthers = db.transaction((before: number) => ({
      serviceEvents: this.s.serviceEvents.run({ before }).changes,
      recoveryLog: this.s.recoveryLog.run({ before }).changes,
      healthChecks: this.s.health.run({ before }).changes,
    }));
  }

  /** Removes what is older than `before` (ms epoch); returns how many rows of each kind went. */
  cleanup(before: number): { events: number; serviceEvents: number; recoveryLog: number; healthChecks: number } {
    const itemIds = this.s.itemsToTrim.all({ before }) as number[];
    let events = 0;
    for (let i = 0; i < itemIds.length; i += itemsPerTransaction) {
      events += this.trimItems.immediate(itemIds.slice(i, i + itemsPerTransaction), before);
    }
    return { events, ...this.pruneOthers.immediate(before) };
  }
}
