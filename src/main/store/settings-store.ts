import type { SqliteDatabase } from './database';

/** Settings the user changed, as JSON values; validation happens in config/ on read and on write. */
export class SettingsStore {
  private readonly s;
  private readonly tx;

  constructor(db: SqliteDatabase) {
    const p = (sql: string) => db.prepare(sql);
    this.s = {
      all: p(`SELECT key, value FROM settings`),
      set: p(`INSERT INTO settings (key, value, updated_at) VALUES (@key, @value, @now)
              ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`),
      remove: p(`DELETE FROM settings WHERE key = @key`),
      bump: p(
        `INSERT INTO revisions (name, rev) VALUES ('settings', 1) ON CONFLICT (name) DO UPDATE SET rev = rev + 1`,
      ),
      rev: p(`SELECT coalesce((SELECT rev FROM revisions WHERE name = 'settings'), 0)`).pluck(),
    };
    this.tx = db.transaction((changes: [string, unknown][], now: number) => {
      for (const [key, value] of changes) {
        if (value === null) this.s.remove.run({ key });
        else this.s.set.run({ key, value: JSON.stringify(value), now });
      }
      this.s.bump.run();
    });
  }

  all(): Map<string, unknown> {
    const out = new Map<string, unknown>();
    for (const r of this.s.all.all() as { key: string; value: string }[]) {
      try {
        out.set(r.key, JSON.parse(r.value));
      } catch {
        // An unreadable value is ignored; the default applies.
      }
    }
    return out;
  }

  /** Writes all changes in one transaction; a null value removes the setting (back to its default). */
  write(changes: Record<string, unknown>, now: number): void {
    this.tx.immediate(Object.entries(changes), now);
  }

  /** Bumped by every write, from any process. */
  revision(): number {
    return this.s.rev.get() as number;
  }
}
