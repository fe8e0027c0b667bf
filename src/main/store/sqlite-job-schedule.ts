import type { Stage } from '../../shared/contract';
import type { JobState } from '../queue/job-state';
import type { EnqueueResult, EventInput, JobSchedule, NewItem, NewJob } from '../queue/queue-store';
import type { SqliteDatabase } from './database';
import type { EventLog } from './event-log';

/**
 * Jobs entering the queue (an item with its first event) and scheduled jobs falling due. Every
 * write is one IMMEDIATE transaction (taking the write lock up front, so two processes never
 * deadlock upgrading a read lock).
 */
export class SqliteJobSchedule implements JobSchedule {
  private readonly s;
  private readonly tx;

  constructor(db: SqliteDatabase, log: EventLog) {
    const p = (sql: string) => db.prepare(sql);
    this.s = {
      findBySha: p(`SELECT i.id, j.state FROM items i JOIN jobs j ON j.item_id = i.id WHERE i.sha256 = @sha`),
      // Conflict-free insert first: the duplicate lookup only runs when the audio is already known.
      // Positional (hot path): queue bench engine path, 40 µs CPU/job all named vs 33 µs with these 9 positional.
      insertItem: p(`INSERT INTO items (sha256, source_path, file_name, size_bytes, created_at) VALUES (?, ?, ?, ?, ?)
                     ON CONFLICT (sha256) DO NOTHING`),
      // Positional (hot path): queue bench engine path, 40 µs CPU/job all named vs 33 µs with these 9 positional.
      insertJob: p(`INSERT INTO jobs (item_id, stage, state, priority, run_at, max_attempts, updated_at, last_event_id)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)`),
      readdItem: p(
        `UPDATE items SET source_path = @sourcePath, file_name = @fileName, stored_path = NULL WHERE id = @itemId`,
      ),
      restartJob:
        p(`UPDATE jobs SET stage = @stage, state = @state, priority = @priority, run_at = @runAt, attempts = 0,
                       max_attempts = @maxAttempts, recoveries = 0, wait_reason = NULL, error_code = NULL,
                       error_message = NULL, updated_at = @now
                     WHERE item_id = @itemId`),
      promoteDue: p(`UPDATE jobs SET state = 'queued', updated_at = @now
                     WHERE state IN ('scheduled', 'retry_scheduled') AND run_at <= @now RETURNING item_id, stage`),
      nextDueAt: p(`SELECT min(run_at) FROM jobs WHERE state IN ('scheduled', 'retry_scheduled')`).pluck(),
      hasQueued: p(`SELECT 1 FROM jobs WHERE state = 'queued' AND stage = @stage LIMIT 1`).pluck(),
    };
    this.tx = {
      enqueue: db.transaction((item: NewItem, job: NewJob, now: number, e: EventInput): EnqueueResult => {
        const sha = Buffer.from(item.sha256, 'hex');
        const state: JobState = job.runAt > now ? 'scheduled' : 'queued';
        const { sourcePath, fileName, sizeBytes, priority } = item;
        const inserted = this.s.insertItem.run(sha, sourcePath, fileName, sizeBytes, now);
        if (inserted.changes === 0) {
          const existing = this.s.findBySha.get({ sha }) as { id: number; state: JobState };
          if (existing.state !== 'discarded') return { outcome: 'duplicate', itemId: existing.id };
          this.s.readdItem.run({ sourcePath, fileName, itemId: existing.id });
          const { stage, runAt, maxAttempts } = job;
          this.s.restartJob.run({ stage, state, priority, runAt, maxAttempts, now, itemId: existing.id });
          log.append(existing.id, now, job.stage, { ...e, type: 'readded' });
          return { outcome: 'readded', itemId: existing.id };
        }
        const itemId = Number(inserted.lastInsertRowid);
        // The first event goes in before the job row, which then starts the chain at it.
        const eventId = log.insert(itemId, now, job.stage, e);
        this.s.insertJob.run(itemId, job.stage, state, priority, job.runAt, job.maxAttempts, now, eventId);
        return { outcome: 'added', itemId };
      }),
      promoteDue: db.transaction((now: number) => {
        const rows = this.s.promoteDue.all({ now }) as { item_id: number; stage: Stage }[];
        for (const r of rows) log.append(r.item_id, now, r.stage, { type: 'due', actor: 'engine' });
        return rows.length;
      }),
    };
  }

  enqueue(item: NewItem, job: NewJob, now: number, event: EventInput): EnqueueResult {
    return this.tx.enqueue.immediate(item, job, now, event);
  }
  promoteDue(now: number): number {
    return this.tx.promoteDue.immediate(now);
  }
  nextDueAt(): number | null {
    return this.s.nextDueAt.get() as number | null;
  }
  hasQueued(stage: Stage): boolean {
    return this.s.hasQueued.get({ stage }) !== undefined;
  }
}
