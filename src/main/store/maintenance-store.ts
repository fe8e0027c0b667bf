import type { SqliteDatabase } from './database';

/** Event types that only narrate routine progress; an item's outcome stays readable without them. */
const routineEventTypes = ['started', 'due', 'waiting', 'resumed', 'released'];

/**
 * Retention: routine events of items done long ago are dropped (their `added`, `succeeded`, errors
 * and recoveries stay), and old service events, recovery rows and health results go.
 */
export class MaintenanceStore {
  private readonly tx;

  constructor(db: SqliteDatabase) {
    const routine = routineEventTypes.map((t) => `'${t}'`).join(', ');
    const s = {
      events: db.prepare(`DELETE FROM events WHERE type IN (${routine}) AND item_id IN (
                            SELECT item_id FROM jobs WHERE state = 'done' AND updated_at < ?)`),
      serviceEvents: db.prepare(`DELETE FROM service_events WHERE at < ?`),
      recoveryLog: db.prepare(`DELETE FROM recovery_log WHERE detected_at < ?`),
      health: db.prepare(`DELETE FROM health_checks WHERE at < ?`),
    };
    this.tx = db.transaction((before: number) => ({
      events: s.events.run(before).changes,
      serviceEvents: s.serviceEvents.run(before).changes,
      recoveryLog: s.recoveryLog.run(before).changes,
      healthChecks: s.health.run(before).changes,
    }));
  }

  /** Removes what is older than `before` (ms epoch); returns how many rows of each kind went. */
  cleanup(before: number): { events: number; serviceEvents: number; recoveryLog: number; healthChecks: number } {
    return this.tx.immediate(before);
  }
}
