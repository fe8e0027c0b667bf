import type { Stage } from '../../shared/contract';
import type { SqliteDatabase } from './database';
import { eventChainWalk } from './event-log';

export interface StageRun {
  stage: Stage;
  /** When the run succeeded (ms epoch). */
  at: number;
  /** started → succeeded, ms; null when the start event is gone (cleaned up). */
  runMs: number | null;
}

/**
 * Reads for metrics and queue statistics, all derived from tables the hot path writes anyway:
 * nothing is added to enqueue → claim → complete. Event ids grow with time, so "events since T" is
 * a binary search on the primary key followed by a range scan of just that period.
 */
export class MetricsReads {
  private readonly s;

  constructor(db: SqliteDatabase) {
    const p = (sql: string) => db.prepare(sql);
    this.s = {
      bounds: p(`SELECT min(id) AS lo, max(id) AS hi FROM events`),
      atOrAfter: p(`SELECT id, at FROM events WHERE id >= @id ORDER BY id LIMIT 1`),
      // The start is the item's latest `started` event before the success: a walk back along the
      // item's event chain (migration 0007), which ends at once in the usual case (started, succeeded).
      runs: p(`SELECT e.stage, e.at,
                 e.at - (WITH RECURSIVE ${eventChainWalk('back', ['type', 'at'], 'e.prev_id', "c.type <> 'started'")}
                         SELECT at FROM back WHERE type = 'started') AS runMs
               FROM events e WHERE e.id >= @from AND e.type = 'succeeded' AND e.actor = 'engine'`),
      deadByCode:
        p(`SELECT coalesce(error_code, 'UNKNOWN') AS code, stage, count(*) AS count, max(error_message) AS example
                     FROM jobs WHERE state = 'dead' GROUP BY code, stage ORDER BY count DESC`),
      deadCount: p(`SELECT count(*) FROM jobs WHERE state = 'dead'`).pluck(),
      // Runnable jobs in line: walks the stage's part of the claim index.
      oldestQueued: p(`SELECT min(run_at) FROM jobs WHERE state = 'queued' AND stage = @stage`).pluck(),
      waiting: p(`SELECT count(*) FROM jobs WHERE state = 'waiting' AND stage = @stage`).pluck(),
      oldestWaiting: p(`SELECT min(updated_at) FROM jobs WHERE state = 'waiting' AND stage = @stage`).pluck(),
    };
  }

  /** The first event id at or after `at` (ms epoch), or null when there is none. */
  firstEventIdAt(at: number): number | null {
    const { lo, hi } = this.s.bounds.get() as { lo: number | null; hi: number | null };
    if (lo === null || hi === null) return null;
    let low = lo;
    let high = hi + 1;
    // Invariants: every event with an id below `low` is older than `at`; the first event at or
    // after `high`, if any, is not. Gaps left by cleanup are stepped over by `id >= @id` lookups.
    while (low < high) {
      const mid = Math.floor((low + high) / 2);
      const r = this.s.atOrAfter.get({ id: mid }) as { id: number; at: number };
      if (r.at < at) low = r.id + 1;
      else high = mid;
    }
    const found = this.s.atOrAfter.get({ id: low }) as { id: number; at: number } | undefined;
    return found ? found.id : null;
  }

  /** Stage runs that succeeded at or after `since`. */
  runsSince(since: number): StageRun[] {
    const from = this.firstEventIdAt(since);
    if (from === null) return [];
    return this.s.runs.all({ from }) as StageRun[];
  }

  deadLettersByCode(): { code: string; stage: Stage; count: number; example: string | null }[] {
    return this.s.deadByCode.all() as { code: string; stage: Stage; count: number; example: string | null }[];
  }

  deadLetterCount(): number {
    return this.s.deadCount.get() as number;
  }

  /** Since when the oldest runnable job of `stage` has been in line (ms epoch), or null. */
  oldestQueuedAt(stage: Stage): number | null {
    return this.s.oldestQueued.get({ stage }) as number | null;
  }

  /** Jobs of `stage` held in `waiting` (the partial waiting index). */
  waitingCount(stage: Stage): number {
    return this.s.waiting.get({ stage }) as number;
  }

  oldestWaitingAt(stage: Stage): number | null {
    return this.s.oldestWaiting.get({ stage }) as number | null;
  }
}
