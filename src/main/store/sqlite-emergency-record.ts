import type { Stage } from '../../shared/contract';
import type { EmergencyRecord, EventInput, LeaseRef, MinimalAfter } from '../queue/queue-store';
import { missingCase } from '../../shared/missing-case';
import type { SqliteDatabase } from './database';
import type { EventLog } from './event-log';

/**
 * The emergency path's own statements: how a run ended, written as the smallest change that carries
 * it when the normal write (job row + event) failed. No event is written, so the item's event chain
 * head (`jobs.last_event_id`) is left where it is; each statement is fenced inline by the lease token
 * and the running state, and the lease row goes only once the job row changed. The audit rows owed
 * meanwhile are appended later, through the event log like any event.
 */
export class SqliteEmergencyRecord implements EmergencyRecord {
  private readonly s;
  private readonly tx;

  constructor(
    db: SqliteDatabase,
    private readonly log: EventLog,
  ) {
    const p = (sql: string) => db.prepare(sql);
    const fenced = `WHERE item_id = @itemId AND lease_token = @token AND state = 'running'`;
    this.s = {
      toNextStage:
        p(`UPDATE jobs SET stage = @stage, state = @state, run_at = @runAt, attempts = 0, max_attempts = @maxAttempts,
                        recoveries = 0, error_code = NULL, error_message = NULL, updated_at = @now ${fenced}`),
      toDone: p(`UPDATE jobs SET state = 'done', error_code = NULL, error_message = NULL, updated_at = @now ${fenced}`),
      toRetry:
        p(`UPDATE jobs SET state = 'retry_scheduled', run_at = @runAt, error_code = @code, error_message = @message, updated_at = @now
                  ${fenced}`),
      toDead: p(
        `UPDATE jobs SET state = 'dead', error_code = @code, error_message = @message, updated_at = @now ${fenced}`,
      ),
      // A service fault while the service is known down: the job waits with its reason, its attempt given back.
      toWaiting:
        p(`UPDATE jobs SET state = 'waiting', attempts = attempts - 1, wait_reason = @reason, error_code = @code,
                      error_message = @message, updated_at = @now ${fenced}`),
      dropLease: p(`DELETE FROM leases WHERE item_id = @itemId AND token = @token`),
    };
    this.tx = db.transaction((lease: LeaseRef, now: number, after: MinimalAfter): boolean => {
      const at = { itemId: lease.itemId, token: lease.token, now };
      let changed: number;
      switch (after.state) {
        case 'advance': {
          const next = after.next;
          changed = next
            ? this.s.toNextStage.run({
                ...at,
                stage: next.stage,
                state: next.runAt > now ? 'scheduled' : 'queued',
                runAt: next.runAt,
                maxAttempts: next.maxAttempts,
              }).changes
            : this.s.toDone.run(at).changes;
          break;
        }
        case 'retry_scheduled':
          changed = this.s.toRetry.run({
            ...at,
            runAt: after.runAt,
            code: after.error.code,
            message: after.error.message,
          }).changes;
          break;
        case 'dead':
          changed = this.s.toDead.run({ ...at, code: after.error.code, message: after.error.message }).changes;
          break;
        case 'waiting':
          changed = this.s.toWaiting.run({
            ...at,
            reason: after.reason,
            code: after.error.code,
            message: after.error.message,
          }).changes;
          break;
        default:
          return missingCase(after);
      }
      if (changed === 0) return false;
      this.s.dropLease.run({ itemId: lease.itemId, token: lease.token });
      return true;
    });
  }

  finishMinimal(lease: LeaseRef, now: number, after: MinimalAfter): boolean {
    return this.tx.immediate(lease, now, after);
  }
  appendEvent(itemId: number, stage: Stage | null, now: number, event: EventInput): void {
    this.log.append(itemId, now, stage, event);
  }
}
