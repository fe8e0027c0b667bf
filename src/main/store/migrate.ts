import type Database from 'better-sqlite3';
import type { Migration } from './migrations/migration';

export class SchemaTooNewError extends Error {
  override readonly name = 'SchemaTooNewError';
  constructor(
    readonly found: number,
    readonly known: number,
  ) {
    super(
      `this store was written by a newer Lifeline (schema ${found}, this build knows up to ${known}); ` +
        'update Lifeline rather than risk the data',
    );
  }
}

/**
 * Runs every migration newer than the store's `user_version`, each in its own IMMEDIATE transaction
 * together with the version bump, so a crash mid-way leaves the store at a whole version.
 */
export function migrate(db: Database.Database, list: readonly Migration[]): { from: number; to: number } {
  list.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migration ${m.name} has version ${m.version}, expected ${i + 1}`);
  });
  const from = db.pragma('user_version', { simple: true }) as number;
  if (from > list.length) throw new SchemaTooNewError(from, list.length);
  for (const m of list.slice(from)) {
    db.transaction(() => {
      // Another process may have migrated while we waited for the write lock.
      const current = db.pragma('user_version', { simple: true }) as number;
      if (current >= m.version) return;
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    }).immediate();
  }
  return { from, to: db.pragma('user_version', { simple: true }) as number };
}
