import type { SqliteDatabase } from './database';

export interface StoredBreaker {
  name: string;
  state: unknown;
  rev: number;
  updatedAt: number;
}

/** Breaker states as JSON, one row per service; `rev` lets an engine adopt a reset made elsewhere. */
export class BreakersStore {
  private readonly s;
  private readonly tx;

  constructor(db: SqliteDatabase) {
    const p = (sql: string) => db.prepare(sql);
    this.s = {
      all: p(`SELECT name, state, rev, updated_at FROM breakers ORDER BY name`),
      save: p(`INSERT INTO breakers (name, state, rev, updated_at) VALUES (@name, @state, 1, @now)
               ON CONFLICT (name) DO UPDATE SET state = excluded.state, rev = rev + 1, updated_at = excluded.updated_at
               RETURNING rev`).pluck(),
      bump: p(
        `INSERT INTO revisions (name, rev) VALUES ('breakers', 1) ON CONFLICT (name) DO UPDATE SET rev = rev + 1`,
      ),
      rev: p(`SELECT coalesce((SELECT rev FROM revisions WHERE name = 'breakers'), 0)`).pluck(),
    };
    this.tx = db.transaction((name: string, state: string, now: number) => {
      this.s.bump.run();
      return this.s.save.get({ name, state, now }) as number;
    });
  }

  all(): StoredBreaker[] {
    return (this.s.all.all() as { name: string; state: string; rev: number; updated_at: number }[]).map((r) => ({
      name: r.name,
      state: safeJson(r.state),
      rev: r.rev,
      updatedAt: r.updated_at,
    }));
  }

  /** Returns the new revision. */
  save(name: string, state: unknown, now: number): number {
    return this.tx.immediate(name, JSON.stringify(state), now);
  }

  /** Bumped by every save, from any process. */
  revision(): number {
    return this.s.rev.get() as number;
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    // A damaged row restores as a closed breaker rather than stopping the engine.
    return null;
  }
}
