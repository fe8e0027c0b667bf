import type { Stage } from '../../shared/contract';
import type { JobState } from '../queue/job-state';
import { cancellableJobStates, retryableJobStates } from '../queue/job-state';
import type { SqliteDatabase } from './database';
import type { EventLog } from './event-log';
import type { NewJob, UserActions } from '../queue/queue-store';

const rerunLabels: Partial<Record<Stage, string>> = { transcribe: 'Transcribe again', extract: 'Extract again' };
const rerunLabel = (stage: Stage) => rerunLabels[stage] ?? `run again from ${stage}`;

const sqlList = (states: readonly string[]) => states.map((s) => `'${s}'`).join(', ');

/** What a user does to an item (cancel, retry, discard), each one transaction with its event. */
export class SqliteUserActions implements UserActions {
  private readonly s;
  private readonly tx;

  constructor(db: SqliteDatabase, log: EventLog) {
    const p = (sql: string) => db.prepare(sql);
    this.s = {
      job: p(`SELECT state, stage FROM jobs WHERE item_id = @itemId`),
      rerunOf: p(`SELECT from_stage AS fromStage, done_stage AS doneStage FROM reruns WHERE item_id = @itemId`),
      dropLease: p(`DELETE FROM leases WHERE item_id = @itemId`),
      cancel: p(`UPDATE jobs SET state = 'cancelled', wait_reason = NULL, updated_at = @now
                 WHERE item_id = @itemId AND state IN (${sqlList(cancellableJobStates)})`),
      // A cancelled re-run: the item is done again where it was, its outputs untouched.
      cancelRerun: p(`UPDATE jobs SET stage = @doneStage, state = 'done', wait_reason = NULL, error_code = NULL,
                        error_message = NULL, updated_at = @now
                      WHERE item_id = @itemId AND state IN (${sqlList(cancellableJobStates)})`),
      retry: p(`UPDATE jobs SET state = 'queued', attempts = 0, recoveries = 0, run_at = @now, updated_at = @now
                WHERE item_id = @itemId AND state IN (${sqlList(retryableJobStates)})`),
      deadJobs: p(`SELECT item_id, stage FROM jobs WHERE state = 'dead'`),
      discard: p(`UPDATE jobs SET state = 'discarded', wait_reason = NULL, updated_at = @now WHERE item_id = @itemId`),
      rerun:
        p(`UPDATE jobs SET stage = @stage, state = 'queued', run_at = @now, attempts = 0, max_attempts = @maxAttempts, recoveries = 0,
                  wait_reason = NULL, error_code = NULL, error_message = NULL, updated_at = @now
                WHERE item_id = @itemId AND state = 'done'`),
      openRerun: p(`INSERT OR REPLACE INTO reruns (item_id, from_stage, requested_at, done_stage)
                    VALUES (@itemId, @stage, @now, @doneStage)`),
      closeRerun: p(`DELETE FROM reruns WHERE item_id = @itemId`),
      // A retry tries again the parts of a transcription set aside because they kept failing.
      tryPartsAgain: [
        p(`UPDATE transcript_plans SET set_aside = NULL WHERE item_id = @itemId AND set_aside IS NOT NULL`),
        p(`UPDATE rerun_transcript_plans SET set_aside = NULL WHERE item_id = @itemId AND set_aside IS NOT NULL`),
      ],
      // What an earlier re-run left unpublished (it failed, or was asked again) starts over.
      dropStaged: [
        p(`DELETE FROM rerun_transcript_chunks WHERE item_id = @itemId`),
        p(`DELETE FROM rerun_transcript_plans WHERE item_id = @itemId`),
        p(`DELETE FROM rerun_memories WHERE item_id = @itemId`),
      ],
    };
    const event = log.append;
    // What a re-run staged is dropped with its row: the published outputs stay as they were.
    const abandonRerun = (itemId: number) => {
      this.s.closeRerun.run({ itemId });
      for (const drop of this.s.dropStaged) drop.run({ itemId });
    };
    this.tx = {
      cancel: db.transaction((itemId: number, now: number): 'cancelled' | 'not_cancellable' | null => {
        const job = this.s.job.get({ itemId }) as { state: JobState; stage: Stage } | undefined;
        if (!job) return null;
        const rerun = this.s.rerunOf.get({ itemId }) as { fromStage: Stage; doneStage: Stage | null } | undefined;
        if (rerun?.doneStage) {
          if (this.s.cancelRerun.run({ now, itemId, doneStage: rerun.doneStage }).changes !== 1)
            return 'not_cancellable';
          this.s.dropLease.run({ itemId });
          abandonRerun(itemId);
          event(itemId, now, job.stage, {
            type: 'cancelled',
            actor: 'user',
            detail: `${rerunLabel(rerun.fromStage)} stopped (was ${job.state}): the item is done, with the transcript and memories it had`,
          });
          return 'cancelled';
        }
        if (this.s.cancel.run({ now, itemId }).changes !== 1) return 'not_cancellable';
        // Dropping the lease fences a running worker out: its next heartbeat or result is refused.
        this.s.dropLease.run({ itemId });
        event(itemId, now, job.stage, { type: 'cancelled', actor: 'user', detail: `was ${job.state}` });
        return 'cancelled';
      }),
      retry: db.transaction((itemId: number, now: number): 'retried' | 'not_retryable' | null => {
        const job = this.s.job.get({ itemId }) as { state: JobState; stage: Stage } | undefined;
        if (!job) return null;
        if (this.s.retry.run({ now, itemId }).changes !== 1) return 'not_retryable';
        for (const clear of this.s.tryPartsAgain) clear.run({ itemId });
        event(itemId, now, job.stage, {
          type: 'retried',
          actor: 'user',
          detail: `retry asked from ${job.state}; attempts reset`,
        });
        return 'retried';
      }),
      retryAllDead: db.transaction((now: number) => {
        const rows = this.s.deadJobs.all() as { item_id: number; stage: Stage }[];
        for (const r of rows) {
          this.s.retry.run({ now, itemId: r.item_id });
          for (const clear of this.s.tryPartsAgain) clear.run({ itemId: r.item_id });
          event(r.item_id, now, r.stage, {
            type: 'retried',
            actor: 'user',
            detail: 'retry all dead letters; attempts reset',
          });
        }
        return rows.length;
      }),
      discard: db.transaction((itemId: number, now: number): 'discarded' | 'already_discarded' | null => {
        const job = this.s.job.get({ itemId }) as { state: JobState; stage: Stage } | undefined;
        if (!job) return null;
        if (job.state === 'discarded') return 'already_discarded';
        this.s.discard.run({ now, itemId });
        this.s.dropLease.run({ itemId });
        // A re-run under way is abandoned: adding the audio again starts clean.
        abandonRerun(itemId);
        event(itemId, now, job.stage, { type: 'discarded', actor: 'user', detail: `was ${job.state}` });
        return 'discarded';
      }),
      rerun: db.transaction((itemId: number, job: NewJob, now: number): 'rerun' | 'not_rerunnable' | null => {
        const current = this.s.job.get({ itemId }) as { state: JobState; stage: Stage } | undefined;
        if (!current) return null;
        if (this.s.rerun.run({ itemId, stage: job.stage, now, maxAttempts: job.maxAttempts }).changes !== 1)
          return 'not_rerunnable';
        this.s.openRerun.run({ itemId, stage: job.stage, now, doneStage: current.stage });
        for (const drop of this.s.dropStaged) drop.run({ itemId });
        event(itemId, now, job.stage, {
          type: 'rerun',
          actor: 'user',
          detail: `${rerunLabel(job.stage)}: the current transcript and memories stay until the new run succeeds`,
        });
        return 'rerun';
      }),
    };
  }

  rerun(itemId: number, job: NewJob, now: number) {
    return this.tx.rerun.immediate(itemId, job, now);
  }

  cancel(itemId: number, now: number) {
    return this.tx.cancel.immediate(itemId, now);
  }
  retry(itemId: number, now: number) {
    return this.tx.retry.immediate(itemId, now);
  }
  retryAllDead(now: number): number {
    return this.tx.retryAllDead.immediate(now);
  }
  discard(itemId: number, now: number) {
    return this.tx.discard.immediate(itemId, now);
  }
}
