import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { SqliteDatabase } from '../src/main/store/database';

export function tmpDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'lifeline-bench-'));
}

/** `n` items with queued jobs at `stage`, inserted in one statement each (fast setup, not what is measured). */
export function insertQueued(db: SqliteDatabase, n: number, stage: string, namePrefix = ''): void {
  const now = Date.now();
  db.transaction(() => {
    // Items already there keep their jobs: only the ones inserted now are queued.
    const before = db.prepare(`SELECT coalesce(max(id), 0) FROM items`).pluck().get() as number;
    db.prepare(
      `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
       INSERT INTO items (sha256, source_path, file_name, size_bytes, created_at)
       SELECT randomblob(32), '/bench/' || ? || i || '.wav', ? || i || '.wav', 1000, ? FROM n`,
    ).run(n, namePrefix, namePrefix, now);
    db.prepare(
      `INSERT INTO jobs (item_id, stage, state, priority, run_at, max_attempts, updated_at) SELECT id, ?, 'queued', 0, ?, 3, ? FROM items WHERE id > ?`,
    ).run(stage, now, now, before);
  })();
}
