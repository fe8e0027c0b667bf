import type { EventActor, Progress, Stage } from '../../shared/contract';

export interface NewItem {
  /** SHA-256 of the audio, hex. */
  sha256: string;
  sourcePath: string;
  fileName: string;
  sizeBytes: number;
  priority: number;
}

export interface NewJob {
  stage: Stage;
  maxAttempts: number;
  /** ms epoch; a job due later starts `scheduled`. */
  runAt: number;
}

export interface EventInput {
  type: string;
  actor: EventActor;
  detail?: string | null;
  error?: { code: string; message: string } | null;
}

export type EnqueueResult =
  | { outcome: 'added'; itemId: number }
  /** The audio was added before and discarded since: the item starts over. */
  | { outcome: 'readded'; itemId: number }
  | { outcome: 'duplicate'; itemId: number };

/** A claimed job: the lease (item id + token) fences every later write. */
export interface LeaseRef {
  itemId: number;
  token: number;
}

export interface ClaimedJob extends LeaseRef {
  stage: Stage;
  priority: number;
  attempts: number;
  maxAttempts: number;
  recoveries: number;
  owner: string;
}

/** A live lease as the recovery side sees it. */
export interface Lease extends LeaseRef {
  stage: Stage;
  owner: string;
  acquiredAt: number;
  expiresAt: number;
  heartbeatAt: number;
  /** Null until the stage reported progress at least once. */
  progressStep: string | null;
  progressPercent: number | null;
  progressChangedAt: number;
  attempts: number;
  maxAttempts: number;
  recoveries: number;
}

/** Where a fenced write sends a running job. */
export type AfterRunning =
  /** Stage succeeded: on to the next stage, or done when `next` is null. */
  | { state: 'advance'; next: NewJob | null }
  | { state: 'retry_scheduled'; runAt: number }
  | { state: 'dead' }
  /** Back to the queue without spending an attempt: released at shutdown, or recovered from a dead or hung worker. */
  | { state: 'queued'; reason: 'released' | 'recovered'; summary?: { code: string; message: string } }
  /** Its service failed and is known down: the job waits with the reason and its attempt is refunded. */
  | { state: 'waiting'; reason: string };

/** The least a finished run must record when the normal write failed: the job's state, no event. */
export type MinimalAfter =
  | { state: 'advance'; next: NewJob | null }
  | { state: 'retry_scheduled'; runAt: number; error: { code: string; message: string } }
  | { state: 'dead'; error: { code: string; message: string } }
  | { state: 'waiting'; reason: string; error: { code: string; message: string } };

export interface ClaimRequest {
  stage: Stage;
  owner: string;
  leaseMs: number;
}

/**
 * The queue's persistence port. Every method is one transaction: the job's state and its event row
 * change together or not at all. A write on a running job names its lease and returns false,
 * changing nothing, when the lease is no longer held (cancelled, recovered, claimed again).
 */
export interface QueueStore {
  enqueue(item: NewItem, job: NewJob, now: number, event: EventInput): EnqueueResult;
  /** Moves due `scheduled` / `retry_scheduled` jobs to `queued`; returns how many. */
  promoteDue(now: number): number;
  /** Earliest run_at among scheduled jobs, or null. */
  nextDueAt(): number | null;
  claimNext(claim: ClaimRequest, now: number): ClaimedJob | undefined;
  renewLease(lease: LeaseRef, now: number, leaseMs: number, progress: Progress | null): boolean;
  finishRunning(lease: LeaseRef, now: number, after: AfterRunning, event: EventInput): boolean;
  /** finishRunning and claimNext in one transaction: a busy worker slot hands over without a second commit. */
  finishAndClaim(
    lease: LeaseRef,
    now: number,
    after: AfterRunning,
    event: EventInput,
    claim: ClaimRequest,
  ): { finished: boolean; next: ClaimedJob | undefined };
  /** queued → waiting for every job of a stage that cannot run now; returns how many. */
  parkStage(stage: Stage, reason: string, now: number): number;
  /** waiting → queued for every job of a stage that can run again; returns how many. */
  unparkStage(stage: Stage, now: number): number;
  /**
   * Claims one job of a stage whose breaker is half-open, from `waiting` (or `queued`): the probe.
   * The other waiting jobs stay as they are, so a probe costs one job's events, not the stage's.
   */
  claimProbe(claim: ClaimRequest, now: number, why: string): ClaimedJob | undefined;
  /**
   * After a suspend: every lease expires no sooner than `minExpiresAt`; the leases of `owner` (this
   * engine's) also have their start and last progress moved `jumpMs` later, so the time the machine
   * slept counts neither as running nor as stalled. Returns how many leases changed.
   */
  extendLeases(owner: string, jumpMs: number, minExpiresAt: number): number;
  /** The emergency path: the transition alone, no event, fenced by the lease. */
  finishMinimal(lease: LeaseRef, now: number, after: MinimalAfter): boolean;
  leases(): Lease[];
  /** Reads only `leases` (one row per running job): cost grows with running work, not with the jobs. */
  expiredLeases(now: number): Lease[];
  /** Live leases of these items (primary-key lookups). */
  leasesOf(itemIds: readonly number[]): Lease[];
  lease(itemId: number): Lease | undefined;
  /** Whether any job of `stage` is queued (a read on the claim index; lets the engine skip a write). */
  hasQueued(stage: Stage): boolean;
  /** Appends an event on its own (the emergency path notes what it did once writing works again). */
  appendEvent(itemId: number, stage: Stage | null, now: number, event: EventInput): void;
  /** Distinct lease owners: one pid check each tells whether a whole process is gone. */
  leaseOwners(): string[];
  leasesOwnedBy(owner: string): Lease[];
  cancelItem(itemId: number, now: number): 'cancelled' | 'not_cancellable' | null;
  retryItem(itemId: number, now: number): 'retried' | 'not_retryable' | null;
  retryAllDead(now: number): number;
  discardItem(itemId: number, now: number): 'discarded' | 'already_discarded' | null;
  /**
   * A done item runs again from `job.stage`, with fresh attempts; its old outputs stay published
   * until the re-run succeeds (the store keeps the new ones apart meanwhile). Null: no such item.
   */
  rerunItem(itemId: number, job: NewJob, now: number): 'rerun' | 'not_rerunnable' | null;
}
