import type { Progress, Stage } from '../../shared/contract';
import type { Clock } from '../time/clock';
import type { BackoffOptions } from './backoff';
import { decideFailure, type JobFailure } from './failure-policy';
import { missingCase } from '../../shared/missing-case';
import type {
  AfterRunning,
  ClaimedJob,
  EnqueueResult,
  EventInput,
  Lease,
  LeaseRef,
  MinimalAfter,
  NewItem,
  QueueStore,
} from './queue-store';

export interface StagePolicy {
  /** Attempts before an item goes to dead letters. */
  maxAttempts: number;
  /** How long a claim stays valid without a heartbeat, ms. */
  leaseMs: number;
  backoff: BackoffOptions;
}

export interface QueueOptions {
  /** The stages an item passes through, in order; completing the last makes the item done. */
  stageOrder: readonly Stage[];
  policies: Record<Stage, StagePolicy>;
  clock: Clock;
  /** Source of jitter; tests pass a fixed one. */
  random?: () => number;
}

/** What the rules need to know about a job to decide what comes after a run. */
export type JobRef = LeaseRef & { stage: Stage; attempts: number; maxAttempts: number };

export type RecoveryPlan =
  | { strategy: 'resume' | 'restart'; why: string; summary: { code: string; message: string } }
  | { strategy: 'validate'; why: string }
  | { strategy: 'escalate'; why: string; error: { code: string; message: string } };

/**
 * What a worker reports when its stage run ends; `parked` is the engine's reading of a failure whose
 * service is known down (the breaker is not closed, its health check fails, or the run was the
 * breaker's probe): the job waits for the service with its attempt refunded.
 */
export type RunOutcome =
  | { kind: 'succeeded'; detail?: string }
  | { kind: 'failed'; failure: JobFailure }
  | { kind: 'parked'; failure: JobFailure; reason: string };

/**
 * The queue's rules on top of a store: which stage comes next, when a failure is retried and when it
 * is a dead letter, what a recovery does. Every write on a running job is fenced by its lease.
 */
export class Queue {
  private readonly random: () => number;

  constructor(
    readonly store: QueueStore,
    private readonly options: QueueOptions,
  ) {
    this.random = options.random ?? Math.random;
  }

  private get now(): number {
    return this.options.clock.now();
  }

  /** New settings: the next claims and failures use these policies. */
  configure(policies: Record<Stage, StagePolicy>): void {
    this.options.policies = policies;
  }

  policy(stage: Stage): StagePolicy {
    return this.options.policies[stage];
  }

  get stageOrder(): readonly Stage[] {
    return this.options.stageOrder;
  }

  nextStage(stage: Stage): Stage | null {
    const i = this.options.stageOrder.indexOf(stage);
    return this.options.stageOrder[i + 1] ?? null;
  }

  add(item: NewItem, runAt?: number): EnqueueResult {
    const now = this.now;
    const stage = this.options.stageOrder[0];
    if (!stage) throw new Error('queue has no stages');
    return this.store.enqueue(item, { stage, maxAttempts: this.policy(stage).maxAttempts, runAt: runAt ?? now }, now, {
      type: 'added',
      actor: 'user',
      detail: item.sourcePath,
    });
  }

  claim(stage: Stage, owner: string): ClaimedJob | undefined {
    return this.store.claimNext({ stage, owner, leaseMs: this.policy(stage).leaseMs }, this.now);
  }

  /** The one probe job of a stage whose breaker is half-open (from `waiting` if none is queued). */
  claimProbe(stage: Stage, owner: string, why: string): ClaimedJob | undefined {
    return this.store.claimProbe({ stage, owner, leaseMs: this.policy(stage).leaseMs }, this.now, why);
  }

  /** Renews the lease; false means the job is no longer ours (cancelled, recovered, claimed again). */
  heartbeat(job: LeaseRef & { stage: Stage }, progress: Progress | null): boolean {
    return this.store.renewLease(job, this.now, this.policy(job.stage).leaseMs, progress);
  }

  /** The transition a finished run makes, and the event that records it. */
  afterRun(job: JobRef, outcome: RunOutcome, now: number): { after: AfterRunning; event: EventInput } {
    if (outcome.kind === 'succeeded') {
      const next = this.nextStage(job.stage);
      return {
        after: {
          state: 'advance',
          next: next ? { stage: next, maxAttempts: this.policy(next).maxAttempts, runAt: now } : null,
        },
        event: {
          type: 'succeeded',
          actor: 'engine',
          detail: outcome.detail ?? (next ? `next: ${next}` : 'all stages done'),
        },
      };
    }
    const { failure } = outcome;
    const error = { code: failure.code, message: failure.message };
    if (outcome.kind === 'parked') {
      return {
        after: { state: 'waiting', reason: outcome.reason },
        event: {
          type: 'waiting',
          actor: 'engine',
          detail: `${outcome.reason}; the service failed, not the item: no attempt spent`,
          error,
        },
      };
    }
    const decision = decideFailure(failure, job.attempts, job.maxAttempts, this.policy(job.stage).backoff, this.random);
    if (decision.kind === 'retry') {
      return {
        after: { state: 'retry_scheduled', runAt: now + decision.delayMs },
        event: {
          type: 'retry_scheduled',
          actor: 'engine',
          detail: `attempt ${job.attempts} of ${job.maxAttempts} failed; next try in ${(decision.delayMs / 1000).toFixed(1)} s`,
          error,
        },
      };
    }
    return {
      after: { state: 'dead' },
      event: {
        type: 'dead',
        actor: 'engine',
        detail:
          decision.reason === 'permanent' ? 'permanent error: not retried' : `gave up after ${job.attempts} attempts`,
        error,
      },
    };
  }

  /** Records how a run ended; false when the lease was lost meanwhile (the result is discarded). */
  finish(job: ClaimedJob, outcome: RunOutcome): boolean {
    const now = this.now;
    const { after, event } = this.afterRun(job, outcome, now);
    return this.store.finishRunning(job, now, after, event);
  }

  /** Records how a run ended and claims the next job of `nextStage` for the same slot, in one commit. */
  finishAndClaim(
    job: ClaimedJob,
    outcome: RunOutcome,
    nextStage: Stage,
  ): { finished: boolean; next: ClaimedJob | undefined } {
    const now = this.now;
    const { after, event } = this.afterRun(job, outcome, now);
    return this.store.finishAndClaim(job, now, after, event, {
      stage: nextStage,
      owner: job.owner,
      leaseMs: this.policy(nextStage).leaseMs,
    });
  }

  /**
   * The emergency path's transition for a run whose normal write failed: the same destination, no
   * event (the event insert may be what fails), fenced by the lease all the same. When it went
   * through, the event the normal write would have written comes back with its time: the audit row
   * the caller still owes the timeline once events can be written again.
   */
  finishMinimal(
    job: JobRef,
    outcome: RunOutcome,
  ): { written: false } | { written: true; event: EventInput; at: number } {
    const now = this.now;
    const { after, event } = this.afterRun(job, outcome, now);
    const error = event.error ?? { code: 'UNKNOWN', message: 'the run failed' };
    let minimal: MinimalAfter;
    switch (after.state) {
      case 'advance':
        minimal = after;
        break;
      case 'retry_scheduled':
        minimal = { state: 'retry_scheduled', runAt: after.runAt, error };
        break;
      case 'dead':
        minimal = { state: 'dead', error };
        break;
      case 'waiting':
        minimal = { state: 'waiting', reason: after.reason, error };
        break;
      case 'queued':
        throw new Error('a finished run never goes back to the queue');
      default:
        return missingCase(after);
    }
    return this.store.finishMinimal(job, now, minimal) ? { written: true, event, at: now } : { written: false };
  }

  /** Graceful shutdown: the job goes back to the queue, its attempt refunded. */
  release(job: LeaseRef, why: string): boolean {
    return this.store.finishRunning(
      job,
      this.now,
      { state: 'queued', reason: 'released' },
      { type: 'released', actor: 'engine', detail: why },
    );
  }

  /**
   * Applies a recovery decided by the recovery side (recovery/recovery-strategy-policy.ts) to a job
   * whose worker is gone or hung. Resume and restart put it back in the queue with its attempt
   * refunded (the crash may not be the item's fault) and a failure summary on the item; validate
   * moves it on as if the run had succeeded; escalate makes it a dead letter.
   */
  recover(lease: Lease, plan: RecoveryPlan): 'requeued' | 'succeeded' | 'dead' | 'lost_race' {
    const now = this.now;
    let ok: boolean;
    switch (plan.strategy) {
      case 'resume':
      case 'restart': {
        const how = plan.strategy === 'resume' ? 'will resume from its checkpoint' : 'will restart the stage';
        ok = this.store.finishRunning(
          lease,
          now,
          { state: 'queued', reason: 'recovered', summary: plan.summary },
          { type: 'recovered', actor: 'recovery', detail: `${plan.why}; back in the queue, ${how}` },
        );
        return ok ? 'requeued' : 'lost_race';
      }
      case 'validate': {
        const { after } = this.afterRun(lease, { kind: 'succeeded' }, now);
        ok = this.store.finishRunning(lease, now, after, {
          type: 'validated',
          actor: 'recovery',
          detail: `${plan.why}; its output was already complete and checked, so the stage counts as done`,
        });
        return ok ? 'succeeded' : 'lost_race';
      }
      case 'escalate':
        ok = this.store.finishRunning(
          lease,
          now,
          { state: 'dead' },
          { type: 'dead', actor: 'recovery', detail: plan.why, error: plan.error },
        );
        return ok ? 'dead' : 'lost_race';
      default:
        return missingCase(plan);
    }
  }

  /** "Transcribe again" / "Extract again": a done item goes back to `from` with that stage's attempts. */
  rerun(itemId: number, from: Stage): 'rerun' | 'not_rerunnable' | null {
    const now = this.now;
    return this.store.rerunItem(itemId, { stage: from, maxAttempts: this.policy(from).maxAttempts, runAt: now }, now);
  }

  promoteDue(): number {
    return this.store.promoteDue(this.now);
  }
}
