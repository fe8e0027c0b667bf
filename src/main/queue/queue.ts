import type { Progress, Stage } from '../../shared/contract';
import type { Clock } from '../time/clock';
import type { BackoffOptions } from './backoff';
import { afterRun, minimalAfter, type AfterRunRules, type JobRef, type RunOutcome } from './after-run-policy';
import { missingCase } from '../../shared/missing-case';
import type {
  AfterRunning,
  ClaimedJob,
  EnqueueResult,
  EventInput,
  Lease,
  LeaseRef,
  LeaseReads,
  NewItem,
  QueuePorts,
} from './queue-store';

export type { JobRef, RunOutcome } from './after-run-policy';

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

export type RecoveryPlan =
  /** Its work never began (it waited for its worker to start): back in the queue, nothing counted. */
  | { strategy: 'requeue'; why: string }
  | { strategy: 'resume' | 'restart'; why: string; summary: { code: string; message: string } }
  | { strategy: 'validate'; why: string }
  | { strategy: 'escalate'; why: string; error: { code: string; message: string } };

/**
 * The queue's rules on top of a store: which stage comes next, when a failure is retried and when it
 * is a dead letter, what a recovery does. Every write on a running job is fenced by its lease. It is
 * the one door to job state: nothing else in the engine holds the store's queue ports.
 */
export class Queue {
  private readonly rules: AfterRunRules;
  /** Live leases, read-only: what the recovery side looks at. */
  readonly leases: LeaseReads;

  constructor(
    private readonly ports: QueuePorts,
    private readonly options: QueueOptions,
  ) {
    const random = options.random ?? Math.random;
    this.rules = { nextStage: (stage) => this.nextStage(stage), policy: (stage) => this.policy(stage), random };
    this.leases = ports.leases;
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

  /**
   * A new item at the first stage, with its first event (by default "added" by the user, naming the
   * source path); due at `runAt` (default now).
   */
  add(item: NewItem, options: { runAt?: number; event?: EventInput } = {}): EnqueueResult {
    const now = this.now;
    const stage = this.options.stageOrder[0];
    if (!stage) throw new Error('queue has no stages');
    const job = { stage, maxAttempts: this.policy(stage).maxAttempts, runAt: options.runAt ?? now };
    return this.ports.schedule.enqueue(
      item,
      job,
      now,
      options.event ?? { type: 'added', actor: 'user', detail: item.sourcePath },
    );
  }

  claim(stage: Stage, owner: string): ClaimedJob | undefined {
    return this.ports.runs.claimNext({ stage, owner, leaseMs: this.policy(stage).leaseMs }, this.now);
  }

  /** The one probe job of a stage whose breaker is half-open (from `waiting` if none is queued). */
  claimProbe(stage: Stage, owner: string, why: string): ClaimedJob | undefined {
    return this.ports.runs.claimProbe({ stage, owner, leaseMs: this.policy(stage).leaseMs }, this.now, why);
  }

  /**
   * Renews the lease; false means the job is no longer ours (cancelled, recovered, claimed again).
   * `leaseMs` defaults to the stage's policy; a worker process passes the length its engine sent.
   */
  heartbeat(
    job: LeaseRef & { stage: Stage },
    progress: Progress | null,
    leaseMs = this.policy(job.stage).leaseMs,
  ): boolean {
    return this.ports.runs.renewLease(job, this.now, leaseMs, progress);
  }

  /**
   * The job waits for a worker to start for it: until {@link workBegins}, the store says its work has
   * not begun, so a recovery (the engine killed meanwhile) spends neither a recovery nor an attempt.
   * False when the lease is no longer held.
   */
  awaitWorker(job: LeaseRef): boolean {
    return this.ports.runs.markAwaitingWorker(job, this.now);
  }

  /** Its worker is ready and takes the job: from now on its work has begun. False when the lease is no longer held. */
  workBegins(job: LeaseRef): boolean {
    return this.ports.runs.markAwaitingWorker(job, null);
  }

  /** The transition a finished run makes, and the event that records it. */
  afterRun(job: JobRef, outcome: RunOutcome, now: number): { after: AfterRunning; event: EventInput } {
    return afterRun(job, outcome, now, this.rules);
  }

  /** Records how a run ended; false when the lease was lost meanwhile (the result is discarded). */
  finish(job: ClaimedJob, outcome: RunOutcome): boolean {
    const now = this.now;
    const { after, event } = this.afterRun(job, outcome, now);
    return this.ports.runs.finishRunning(job, now, after, event);
  }

  /** Records how a run ended and claims the next job of `nextStage` for the same slot, in one commit. */
  finishAndClaim(
    job: ClaimedJob,
    outcome: RunOutcome,
    nextStage: Stage,
  ): { finished: boolean; next: ClaimedJob | undefined } {
    const now = this.now;
    const { after, event } = this.afterRun(job, outcome, now);
    return this.ports.runs.finishAndClaim(job, now, after, event, {
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
    const minimal = minimalAfter(after, event);
    return this.ports.emergency.finishMinimal(job, now, minimal)
      ? { written: true, event, at: now }
      : { written: false };
  }

  /**
   * An audit row the emergency path still owes an item's timeline, appended once events can be
   * written again; it moves the chain head, as any event does.
   */
  appendOwedEvent(itemId: number, stage: Stage | null, at: number, event: EventInput): void {
    this.ports.emergency.appendEvent(itemId, stage, at, event);
  }

  /** Graceful shutdown: the job goes back to the queue, its attempt refunded. */
  release(job: LeaseRef, why: string): boolean {
    return this.ports.runs.finishRunning(
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
   * moves it on as if the run had succeeded; escalate makes it a dead letter. A job whose work never
   * began goes back as a release does: no recovery counted, its attempt refunded.
   */
  recover(lease: Lease, plan: RecoveryPlan): 'requeued' | 'succeeded' | 'dead' | 'lost_race' {
    const now = this.now;
    let ok: boolean;
    switch (plan.strategy) {
      case 'requeue':
        ok = this.ports.runs.finishRunning(
          lease,
          now,
          { state: 'queued', reason: 'released' },
          { type: 'released', actor: 'recovery', detail: `${plan.why}; back in the queue, no recovery counted` },
        );
        return ok ? 'requeued' : 'lost_race';
      case 'resume':
      case 'restart': {
        const how = plan.strategy === 'resume' ? 'will resume from its checkpoint' : 'will restart the stage';
        ok = this.ports.runs.finishRunning(
          lease,
          now,
          { state: 'queued', reason: 'recovered', summary: plan.summary },
          { type: 'recovered', actor: 'recovery', detail: `${plan.why}; back in the queue, ${how}` },
        );
        return ok ? 'requeued' : 'lost_race';
      }
      case 'validate': {
        const { after } = this.afterRun(lease, { kind: 'succeeded' }, now);
        ok = this.ports.runs.finishRunning(lease, now, after, {
          type: 'validated',
          actor: 'recovery',
          detail: `${plan.why}; its output was already complete and checked, so the stage counts as done`,
        });
        return ok ? 'succeeded' : 'lost_race';
      }
      case 'escalate':
        ok = this.ports.runs.finishRunning(
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
    return this.ports.actions.rerun(
      itemId,
      { stage: from, maxAttempts: this.policy(from).maxAttempts, runAt: now },
      now,
    );
  }

  /** "Retry": a dead or cancelled item runs again from the stage where it stopped, with fresh attempts. */
  retry(itemId: number): 'retried' | 'not_retryable' | null {
    return this.ports.actions.retry(itemId, this.now);
  }

  /** Every dead letter runs again; returns how many. */
  retryAllDead(): number {
    return this.ports.actions.retryAllDead(this.now);
  }

  /** A waiting, queued or running item stops; a running worker is fenced out by its dropped lease. */
  cancel(itemId: number): 'cancelled' | 'not_cancellable' | null {
    return this.ports.actions.cancel(itemId, this.now);
  }

  discard(itemId: number): 'discarded' | 'already_discarded' | null {
    return this.ports.actions.discard(itemId, this.now);
  }

  promoteDue(): number {
    return this.ports.schedule.promoteDue(this.now);
  }

  /** When the next scheduled job falls due (ms epoch), or null. */
  nextDueAt(): number | null {
    return this.ports.schedule.nextDueAt();
  }

  /** Whether any job of `stage` is queued: a read, so a caller can skip a write. */
  hasQueued(stage: Stage): boolean {
    return this.ports.schedule.hasQueued(stage);
  }

  /** Every queued job of a stage that cannot run waits, with `reason` on it; returns how many moved. */
  park(stage: Stage, reason: string): number {
    return this.ports.parking.park(stage, reason, this.now);
  }

  /** The waiting jobs of a stage that can run again go back to the queue; returns how many. */
  unpark(stage: Stage): number {
    return this.ports.parking.unpark(stage, this.now);
  }

  /**
   * After a suspend of `jumpMs`: leases expire no sooner than `minExpiresAt`, and `owner`'s own leases
   * shift by the time asleep. Returns how many leases changed.
   */
  extendLeasesAfterSuspend(owner: string, jumpMs: number, minExpiresAt: number): number {
    return this.ports.suspend.extend(owner, jumpMs, minExpiresAt);
  }
}
