import type { SqliteDatabase } from './database';

export interface ServiceEventInput {
  service: string;
  type: string;
  actor: 'engine' | 'user' | 'recovery' | 'health';
  detail: string | null;
}

export interface ServiceEventRow extends ServiceEventInput {
  id: number;
  at: number;
}

/** The audit trail of what is not an item: breaker transitions, auto-recovery runs, health changes. */
export class ServiceEventsStore {
  private readonly s;

  constructor(db: SqliteDatabase) {
    const p = (sql: string) => db.prepare(sql);
    this.s = {
      insert: p(
        `INSERT INTO service_events (at, service, type, actor, detail) VALUES (@at, @service, @type, @actor, @detail)`,
      ),
      recent: p(`SELECT id, at, service, type, actor, detail FROM service_events ORDER BY id DESC LIMIT @limit`),
      forService: p(
        `SELECT id, at, service, type, actor, detail FROM service_events WHERE service = @service ORDER BY id DESC LIMIT @limit`,
      ),
      prune: p(`DELETE FROM service_events WHERE at < @before`),
    };
  }

  insert(at: number, e: ServiceEventInput): void {
    this.s.insert.run({ at, service: e.service, type: e.type, actor: e.actor, detail: e.detail });
  }

  /** Newest first. */
  recent(limit: number, service?: string): ServiceEventRow[] {
    return (service ? this.s.forService.all({ service, limit }) : this.s.recent.all({ limit })) as ServiceEventRow[];
  }

  prune(before: number): number {
    return this.s.prune.run({ before }).changes;
  }
}
