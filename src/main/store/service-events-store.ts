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
      insert: p(`INSERT INTO service_events (at, service, type, actor, detail) VALUES (?, ?, ?, ?, ?)`),
      recent: p(`SELECT id, at, service, type, actor, detail FROM service_events ORDER BY id DESC LIMIT ?`),
      forService: p(
        `SELECT id, at, service, type, actor, detail FROM service_events WHERE service = ? ORDER BY id DESC LIMIT ?`,
      ),
      prune: p(`DELETE FROM service_events WHERE at < ?`),
    };
  }

  insert(at: number, e: ServiceEventInput): void {
    this.s.insert.run(at, e.service, e.type, e.actor, e.detail);
  }

  /** Newest first. */
  recent(limit: number, service?: string): ServiceEventRow[] {
    return (service ? this.s.forService.all(service, limit) : this.s.recent.all(limit)) as ServiceEventRow[];
  }

  prune(before: number): number {
    return this.s.prune.run(before).changes;
  }
}
