import type { SqliteDatabase } from './database';

export interface HealthCheckRow {
  service: string;
  at: number;
  status: string;
  latencyMs: number | null;
  message: string;
}

/**
 * Recent probe results, so `lifeline health` in another process (the CLI) sees what the running
 * engine sees, and history survives a restart. Pruned to the last `keep` rows per service.
 */
export class HealthStore {
  private readonly s;
  private readonly tx;

  constructor(db: SqliteDatabase) {
    const p = (sql: string) => db.prepare(sql);
    this.s = {
      insert: p(
        `INSERT INTO health_checks (service, at, status, latency_ms, message)
         VALUES (@service, @at, @status, @latencyMs, @message)`,
      ),
      prune: p(`DELETE FROM health_checks WHERE service = @service AND id <= (
                  SELECT id FROM health_checks WHERE service = @service ORDER BY id DESC LIMIT 1 OFFSET @keep)`),
      history: p(
        `SELECT service, at, status, latency_ms AS latencyMs, message FROM health_checks
         WHERE service = @service ORDER BY id DESC LIMIT @limit`,
      ),
      services: p(`SELECT DISTINCT service FROM health_checks`).pluck(),
      newest: p(`SELECT max(at) FROM health_checks`).pluck(),
      probeWrite: p(
        `INSERT INTO revisions (name, rev) VALUES ('health-probe', 1) ON CONFLICT (name) DO UPDATE SET rev = rev + 1`,
      ),
      quickCheck: p(`PRAGMA quick_check(10)`).pluck(),
    };
    this.tx = db.transaction((rows: HealthCheckRow[], keep: number) => {
      for (const r of rows) this.s.insert.run(r);
      for (const service of new Set(rows.map((r) => r.service))) this.s.prune.run({ service, keep });
    });
  }

  record(rows: HealthCheckRow[], keep: number): void {
    if (rows.length > 0) this.tx.immediate(rows, keep);
  }

  /** Newest first. */
  history(service: string, limit: number): HealthCheckRow[] {
    return this.s.history.all({ service, limit }) as HealthCheckRow[];
  }

  services(): string[] {
    return this.s.services.all() as string[];
  }

  /** A real one-row write: proves the store takes writes now. */
  probeWrite(): void {
    this.s.probeWrite.run();
  }

  /** SQLite's quick integrity check; empty when the store is sound. */
  quickCheck(): string[] {
    const rows = this.s.quickCheck.all() as string[];
    return rows.length === 1 && rows[0] === 'ok' ? [] : rows;
  }

  /** When any engine last recorded a result (ms epoch), or null. */
  newestAt(): number | null {
    return this.s.newest.get() as number | null;
  }
}
