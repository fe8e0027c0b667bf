import type { Progress, Stage } from '../../shared/contract';
import type { Clock } from '../time/clock';
import type { BackoffOptions } from './backoff';
import { decideFailure, type JobFailure } from './failure-policy';
import type { AfterRunning, ClaimedJob, EnqueueResult, EventInput, Lease, LeaseRef, NewItem, QueueStore } from './queue-store';

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

/** What a worker reports when its stage run ends. */
export type RunOutcome = { kind: 'succeeded'; detail?: string } | { kind: 'failed'; failure: JobFailure };

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

  /** Renews the lease; false means the job is no longer ours (cancelled, recovered, claimed again). */
  heartbeat(job: LeaseRef & { stage: Stage }, progress: Progress | null): boolean {
    return this.store.renewLease(job, this.now, this.policy(job.stage).leaseMs, progress);
  }

  /** The transition a finished run makes, and the event that records it. */
  private afterRun(job: ClaimedJob, outcome: RunOutcome, now: number): { after: AfterRunning; event: EventInput } {
    if (outcome.kind === 'succeeded') {
      const next = this.nextStage(job.stage);
      return {
        after: { state: 'advance', next: next ? { stage: next, maxAttempts: this.policy(next).maxAttempts, runAt: now } : null },
        event: { type: 'succeeded', actor: 'engine', detail: outcome.detail ?? (next ? `next: ${next}` : 'all stages done') },
      };
    }
    const { failure } = outcome;
    const error = { code: failure.code, message: failure.message };
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
        detail: decision.reason === 'permanent' ? 'permanent error: not retried' : `gave up after ${job.attempts} attempts`,
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
  finishAndClaim(job: ClaimedJob, outcome: RunOutcome, nextStage: Stage): { finished: boolean; next: ClaimedJob | undefined } {
    const now = this.now;
    const { after, event } = this.afterRun(job, outcome, now);
    return this.store.finishAndClaim(job, now, after, event, {
      stage: nextStage,
      owner: job.owner,
      leaseMs: this.policy(nextStage).leaseMs,
    });
  }

  /** Graceful shutdown: the job goes back to the queue, its attempt refunded. */
  release(job: LeaseRef, why: string): boolean {
    return this.store.finishRunning(job, this.now, { state: 'queued', reason: 'released' }, { type: 'released', actor: 'engine', detail: why });
  }

  /**
   * A job whose worker is gone or hung goes back to the queue, its attempt refunded (the crash may
   * not be the item's fault), until it has been recovered `maxRecoveries` times: an item that keeps
   * taking its worker down is then a dead letter rather than a loop.
   */
  recover(lease: Lease, rule: string, maxRecoveries: number): 'requeued' | 'dead' | 'lost_race' {
    const now = this.now;
    if (lease.recoveries >= maxRecoveries) {
      const ok = this.store.finishRunning(lease, now, { state: 'dead' }, {
        type: 'dead',
        actor: 'recovery',
        detail: `${rule}; already recovered ${lease.recoveries} times`,
        error: {
          code: 'RECOVERY_EXHAUSTED',
          message: `the ${lease.stage} stage stopped ${lease.recoveries + 1} times without finishing (last: ${rule})`,
        },
      });
      return ok ? 'dead' : 'lost_race';
    }
    const ok = this.store.finishRunning(lease, now, { state: 'queued', reason: 'recovered' }, {
      type: 'recovered',
      actor: 'recovery',
      detail: `${rule}; back in the queue`,
    });
    return ok ? 'requeued' : 'lost_race';
  }

  promoteDue(): number {
    return this.store.promoteDue(this.now);
  }
}
