import type { Progress, Stage } from '../../shared/contract';
import type { JobState } from '../queue/job-state';
import type {
  AfterRunning,
  ClaimedJob,
  ClaimRequest,
  EnqueueResult,
  EventInput,
  Lease,
  LeaseRef,
  MinimalAfter,
  NewItem,
  NewJob,
  QueueStore,
} from '../queue/queue-store';
import type { SqliteDatabase } from './database';
import { eventLog, type EventLog } from './event-log';
import { SqliteLeaseQueries } from './sqlite-lease-queries';
import { SqliteMinimalFinish } from './sqlite-minimal-finish';
import { SqliteUserActions } from './sqlite-user-actions';

const claimReturning = 'item_id, stage, priority, attempts, max_attempts, recoveries, lease_token';

/**
 * SQLite adapter of the queue: all SQL that changes job state lives here. Statements are prepared
 * once; every public method runs as one IMMEDIATE transaction (taking the write lock up front, so two
 * processes never deadlock upgrading a read lock).
 */
export class SqliteQueueStore implements QueueStore {
  private readonly s;
  private readonly tx;
  private readonly leaseQueries: SqliteLeaseQueries;
  private readonly userActions: SqliteUserActions;
  private readonly minimal: SqliteMinimalFinish;
  private readonly log: EventLog;

  constructor(private readonly db: SqliteDatabase) {
    const p = (sql: string) => db.prepare(sql);
    this.leaseQueries = new SqliteLeaseQueries(db);
    this.log = eventLog(db);
    this.userActions = new SqliteUserActions(db, this.log);
    this.minimal = new SqliteMinimalFinish(db);
    this.s = {
      findBySha: p(`SELECT i.id, j.state FROM items i JOIN jobs j ON j.item_id = i.id WHERE i.sha256 = ?`),
      // Conflict-free insert first: the duplicate lookup only runs when the audio is already known.
      insertItem: p(`INSERT INTO items (sha256, source_path, file_name, size_bytes, created_at) VALUES (?, ?, ?, ?, ?)
                     ON CONFLICT (sha256) DO NOTHING`),
      insertJob: p(`INSERT INTO jobs (item_id, stage, state, priority, run_at, max_attempts, updated_at, last_event_id)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)`),
      readdItem: p(`UPDATE items SET source_path = ?, file_name = ?, stored_path = NULL WHERE id = ?`),
      restartJob:
        p(`UPDATE jobs SET stage = ?, state = ?, priority = ?, run_at = ?, attempts = 0, max_attempts = ?, recoveries = 0,
                       wait_reason = NULL, error_code = NULL, error_message = NULL, updated_at = ? WHERE item_id = ?`),
      promoteDue: p(`UPDATE jobs SET state = 'queued', updated_at = @now
                     WHERE state IN ('scheduled', 'retry_scheduled') AND run_at <= @now RETURNING item_id, stage`),
      nextDueAt: p(`SELECT min(run_at) FROM jobs WHERE state IN ('scheduled', 'retry_scheduled')`).pluck(),
      // Rows come back as arrays (raw) and parameters are positional: on the hot path, building and
      // reading JS objects costs more than SQLite's own work for the statement.
      claim:
        p(`UPDATE jobs SET state = 'running', attempts = attempts + 1, lease_token = lease_token + 1, updated_at = ?
                WHERE item_id = (SELECT item_id FROM jobs WHERE state = 'queued' AND stage = ?
                                 ORDER BY priority DESC, item_id LIMIT 1)
                RETURNING ${claimReturning}`).raw(),
      // Walks the small waiting index of one stage; only used while its breaker is half-open. The job
      // waiting longest goes: a probe that failed was parked again just now, so the next probe is another item.
      claimWaiting:
        p(`UPDATE jobs SET state = 'running', wait_reason = NULL, attempts = attempts + 1, lease_token = lease_token + 1,
                         updated_at = ?
                       WHERE item_id = (SELECT item_id FROM jobs WHERE state = 'waiting' AND stage = ?
                                        ORDER BY updated_at, item_id LIMIT 1)
                       RETURNING ${claimReturning}`).raw(),
      insertLease:
        p(`INSERT INTO leases (item_id, token, owner, stage, acquired_at, expires_at, heartbeat_at, progress_changed_at)
                      VALUES (?, ?, ?, ?, ?, ?, ?, ?)`),
      renew: p(`UPDATE leases SET expires_at = ?, heartbeat_at = ? WHERE item_id = ? AND token = ?`),
      renewWithProgress: p(`UPDATE leases SET expires_at = @expires, heartbeat_at = @now,
                              progress_changed_at = CASE WHEN progress_step IS @step AND progress_percent IS @percent
                                                         THEN progress_changed_at ELSE @now END,
                              progress_step = @step, progress_percent = @percent, progress_message = @message
                            WHERE item_id = @itemId AND token = @token`),
      // Deleting the lease row is the fence: only the holder of the current token gets a row back.
      takeLease: p(`DELETE FROM leases WHERE item_id = ? AND token = ? RETURNING stage`).pluck(),
      // A finished run's transitions also move the item's event chain head to the event they write.
      toNextStage: p(`UPDATE jobs SET stage = ?, state = ?, run_at = ?, attempts = 0, max_attempts = ?,
                        recoveries = 0, error_code = NULL, error_message = NULL, updated_at = ?, last_event_id = ? WHERE item_id = ?`),
      toDone: p(
        `UPDATE jobs SET state = 'done', error_code = NULL, error_message = NULL, updated_at = ?, last_event_id = ? WHERE item_id = ?`,
      ),
      toRetry:
        p(`UPDATE jobs SET state = 'retry_scheduled', run_at = ?, error_code = ?, error_message = ?, updated_at = ?, last_event_id = ?
                  WHERE item_id = ?`),
      toDead: p(
        `UPDATE jobs SET state = 'dead', error_code = ?, error_message = ?, updated_at = ?, last_event_id = ? WHERE item_id = ?`,
      ),
      // A service fault while the service is known down: the attempt is given back.
      toWaiting:
        p(`UPDATE jobs SET state = 'waiting', attempts = attempts - 1, wait_reason = @reason, error_code = @code, error_message = @message,
                      updated_at = @now, last_event_id = @eventId WHERE item_id = @id`),
      toQueued:
        p(`UPDATE jobs SET state = 'queued', attempts = attempts - 1, recoveries = recoveries + ?, run_at = ?, updated_at = ?,
                     last_event_id = ? WHERE item_id = ?`),
      // A recovery leaves its failure summary on the job, so the item says why it went back.
      toRecovered:
        p(`UPDATE jobs SET state = 'queued', attempts = attempts - 1, recoveries = recoveries + 1, run_at = ?,
                        error_code = ?, error_message = ?, updated_at = ?, last_event_id = ? WHERE item_id = ?`),
      park: p(
        `UPDATE jobs SET state = 'waiting', wait_reason = ?, updated_at = ? WHERE state = 'queued' AND stage = ? RETURNING item_id`,
      ),
      reasonForWaiting: p(
        `UPDATE jobs SET wait_reason = ? WHERE state = 'waiting' AND stage = ? AND wait_reason IS NOT ?`,
      ),
      unpark:
        p(`UPDATE jobs SET state = 'queued', wait_reason = NULL, run_at = ?, updated_at = ? WHERE state = 'waiting' AND stage = ?
                 RETURNING item_id`),
      hasQueued: p(`SELECT 1 FROM jobs WHERE state = 'queued' AND stage = ? LIMIT 1`).pluck(),
    };

    const log = this.log;
    const event = log.append;

    /** A row of `claimReturning`. */
    type ClaimRow = [
      itemId: number,
      stage: Stage,
      priority: number,
      attempts: number,
      maxAttempts: number,
      recoveries: number,
      token: number,
    ];
    const claimed = (r: ClaimRow | undefined, c: ClaimRequest, now: number, why?: string): ClaimedJob | undefined => {
      if (!r) return undefined;
      const [itemId, stage, priority, attempts, maxAttempts, recoveries, token] = r;
      this.s.insertLease.run(itemId, token, c.owner, stage, now, now + c.leaseMs, now, now);
      const detail = `attempt ${attempts} of ${maxAttempts}${why ? `; ${why}` : ''}`;
      event(itemId, now, stage, { type: 'started', actor: 'engine', detail });
      return { itemId, token, stage, priority, attempts, maxAttempts, recoveries, owner: c.owner };
    };
    const claim = (c: ClaimRequest, now: number) =>
      claimed(this.s.claim.get(now, c.stage) as ClaimRow | undefined, c, now);

    const finish = (lease: LeaseRef, now: number, after: AfterRunning, e: EventInput): boolean => {
      const takenStage = this.s.takeLease.get(lease.itemId, lease.token) as Stage | undefined;
      if (!takenStage) return false;
      const id = lease.itemId;
      const eventId = log.insert(id, now, takenStage, e);
      switch (after.state) {
        case 'advance':
          if (after.next) {
            const state = after.next.runAt > now ? 'scheduled' : 'queued';
            this.s.toNextStage.run(after.next.stage, state, after.next.runAt, after.next.maxAttempts, now, eventId, id);
          } else {
            this.s.toDone.run(now, eventId, id);
          }
          break;
        case 'retry_scheduled':
          this.s.toRetry.run(after.runAt, e.error?.code ?? null, e.error?.message ?? null, now, eventId, id);
          break;
        case 'dead':
          this.s.toDead.run(e.error?.code ?? null, e.error?.message ?? null, now, eventId, id);
          break;
        case 'waiting':
          this.s.toWaiting.run({
            reason: after.reason,
            code: e.error?.code ?? null,
            message: e.error?.message ?? null,
            now,
            eventId,
            id,
          });
          break;
        case 'queued':
          if (after.summary) this.s.toRecovered.run(now, after.summary.code, after.summary.message, now, eventId, id);
          else this.s.toQueued.run(after.reason === 'recovered' ? 1 : 0, now, now, eventId, id);
          break;
      }
      return true;
    };

    this.tx = {
      enqueue: db.transaction((item: NewItem, job: NewJob, now: number, e: EventInput): EnqueueResult => {
        const sha = Buffer.from(item.sha256, 'hex');
        const state: JobState = job.runAt > now ? 'scheduled' : 'queued';
        const inserted = this.s.insertItem.run(sha, item.sourcePath, item.fileName, item.sizeBytes, now);
        if (inserted.changes === 0) {
          const existing = this.s.findBySha.get(sha) as { id: number; state: JobState };
          if (existing.state !== 'discarded') return { outcome: 'duplicate', itemId: existing.id };
          this.s.readdItem.run(item.sourcePath, item.fileName, existing.id);
          this.s.restartJob.run(job.stage, state, item.priority, job.runAt, job.maxAttempts, now, existing.id);
          event(existing.id, now, job.stage, { ...e, type: 'readded' });
          return { outcome: 'readded', itemId: existing.id };
        }
        const itemId = Number(inserted.lastInsertRowid);
        // The first event goes in before the job row, which then starts the chain at it.
        const eventId = log.insert(itemId, now, job.stage, e);
        this.s.insertJob.run(itemId, job.stage, state, item.priority, job.runAt, job.maxAttempts, now, eventId);
        return { outcome: 'added', itemId };
      }),
      promoteDue: db.transaction((now: number) => {
        const rows = this.s.promoteDue.all({ now }) as { item_id: number; stage: Stage }[];
        for (const r of rows) event(r.item_id, now, r.stage, { type: 'due', actor: 'engine' });
        return rows.length;
      }),
      claim: db.transaction(claim),
      finish: db.transaction(finish),
      claimProbe: db.transaction((c: ClaimRequest, now: number, why: string) =>
        claimed(
          (this.s.claim.get(now, c.stage) ?? this.s.claimWaiting.get(now, c.stage)) as ClaimRow | undefined,
          c,
          now,
          why,
        ),
      ),
      finishAndClaim: db.transaction(
        (lease: LeaseRef, now: number, after: AfterRunning, e: EventInput, c: ClaimRequest) => ({
          finished: finish(lease, now, after, e),
          next: claim(c, now),
        }),
      ),
      park: db.transaction((stage: Stage, reason: string, now: number) => {
        // Jobs already waiting take the newest reason ("no engine configured" → "breaker open").
        this.s.reasonForWaiting.run(reason, stage, reason);
        const rows = this.s.park.all(reason, now, stage) as { item_id: number }[];
        for (const r of rows) event(r.item_id, now, stage, { type: 'waiting', actor: 'engine', detail: reason });
        return rows.length;
      }),
      unpark: db.transaction((stage: Stage, now: number) => {
        const rows = this.s.unpark.all(now, now, stage) as { item_id: number }[];
        for (const r of rows)
          event(r.item_id, now, stage, { type: 'resumed', actor: 'engine', detail: `${stage} can run again` });
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
  claimNext(claim: ClaimRequest, now: number): ClaimedJob | undefined {
    return this.tx.claim.immediate(claim, now);
  }
  renewLease(lease: LeaseRef, now: number, leaseMs: number, progress: Progress | null): boolean {
    // One statement is its own transaction. No event: a heartbeat is not a transition.
    const info = progress
      ? this.s.renewWithProgress.run({
          expires: now + leaseMs,
          now,
          step: progress.step,
          percent: progress.percent,
          message: progress.message,
          itemId: lease.itemId,
          token: lease.token,
        })
      : this.s.renew.run(now + leaseMs, now, lease.itemId, lease.token);
    return info.changes === 1;
  }
  finishRunning(lease: LeaseRef, now: number, after: AfterRunning, event: EventInput): boolean {
    return this.tx.finish.immediate(lease, now, after, event);
  }
  finishAndClaim(lease: LeaseRef, now: number, after: AfterRunning, event: EventInput, claim: ClaimRequest) {
    return this.tx.finishAndClaim.immediate(lease, now, after, event, claim);
  }
  parkStage(stage: Stage, reason: string, now: number): number {
    return this.tx.park.immediate(stage, reason, now);
  }
  unparkStage(stage: Stage, now: number): number {
    return this.tx.unpark.immediate(stage, now);
  }
  hasQueued(stage: Stage): boolean {
    return this.s.hasQueued.get(stage) !== undefined;
  }
  appendEvent(itemId: number, stage: Stage | null, now: number, e: EventInput): void {
    this.log.append(itemId, now, stage, e);
  }
  claimProbe(claim: ClaimRequest, now: number, why: string): ClaimedJob | undefined {
    return this.tx.claimProbe.immediate(claim, now, why);
  }
  finishMinimal(lease: LeaseRef, now: number, after: MinimalAfter): boolean {
    return this.minimal.finish(lease, now, after);
  }
  extendLeases(owner: string, jumpMs: number, minExpiresAt: number): number {
    return this.leaseQueries.extend(owner, jumpMs, minExpiresAt);
  }
  leases(): Lease[] {
    return this.leaseQueries.all();
  }
  expiredLeases(now: number): Lease[] {
    return this.leaseQueries.expired(now);
  }
  leasesOf(itemIds: readonly number[]): Lease[] {
    return this.leaseQueries.of(itemIds);
  }
  lease(itemId: number): Lease | undefined {
    return this.leaseQueries.one(itemId);
  }
  leaseOwners(): string[] {
    return this.leaseQueries.owners();
  }
  leasesOwnedBy(owner: string): Lease[] {
    return this.leaseQueries.ownedBy(owner);
  }
  cancelItem(itemId: number, now: number) {
    return this.userActions.cancel(itemId, now);
  }
  retryItem(itemId: number, now: number) {
    return this.userActions.retry(itemId, now);
  }
  retryAllDead(now: number): number {
    return this.userActions.retryAllDead(now);
  }
  discardItem(itemId: number, now: number) {
    return this.userActions.discard(itemId, now);
  }
  rerunItem = (itemId: number, job: NewJob, now: number) => this.userActions.rerun(itemId, job, now);
}
