import type { SqliteDatabase } from './database';

export type WatchedOutcome = 'added' | 'duplicate' | 'rejected';

export interface WatchedFile {
  path: string;
  size: number;
  mtimeMs: number;
  outcome: WatchedOutcome;
  itemId: number | null;
}

/** What the watch folder has handled already (SQL only). */
export class WatchedFilesStore {
  private readonly s;
  constructor(db: SqliteDatabase) {
    this.s = {
      get: db.prepare(
        `SELECT path, size, mtime_ms AS mtimeMs, outcome, item_id AS itemId FROM watched_files WHERE path = @path`,
      ),
      put: db.prepare(`INSERT INTO watched_files (path, size, mtime_ms, outcome, item_id, at) VALUES (@path, @size, @mtimeMs, @outcome, @itemId, @at)
                       ON CONFLICT (path) DO UPDATE SET size = @size, mtime_ms = @mtimeMs, outcome = @outcome, item_id = @itemId, at = @at`),
      counts: db.prepare(
        `SELECT outcome, count(*) AS n FROM watched_files WHERE path >= @from AND path < @to GROUP BY outcome`,
      ),
    };
  }

  get(path: string): WatchedFile | undefined {
    return this.s.get.get({ path }) as WatchedFile | undefined;
  }

  put(file: WatchedFile, at: number): void {
    this.s.put.run({ ...file, at });
  }

  /** How many files under `dir` (a path prefix ending in a separator) ended each way. */
  counts(dir: string): Record<WatchedOutcome, number> {
    const out: Record<WatchedOutcome, number> = { added: 0, duplicate: 0, rejected: 0 };
    // Every path under dir sorts between "dir" and "dir" + the highest code unit.
    for (const r of this.s.counts.all({ from: dir, to: `${dir}\uffff` }) as { outcome: WatchedOutcome; n: number }[])
      out[r.outcome] = r.n;
    return out;
  }
}
