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
  /**
   * Since when the job has waited for a worker to start for it (ms epoch): its work has not begun.
   * Null once a worker took it, and for a claim handed to a ready worker at once.
   */
  awaitingWorkerSince: number | null;
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

/*
 * The queue's persistence ports, one per concern, each implemented by a store/sqlite-*.ts adapter.
 * Only `Queue` holds them: the rest of the engine reaches job state through the queue's methods.
 * Every write is one transaction: the job's state and its event row change together or not at all.
 * A write on a running job names its lease and returns false, changing nothing, when the lease is
 * no longer held (cancelled, recovered, claimed again).
 */

/** Jobs entering the queue and becoming due. */
export interface JobSchedule {
  enqueue(item: NewItem, job: NewJob, now: number, event: EventInput): EnqueueResult;
  /** Moves due `scheduled` / `retry_scheduled` jobs to `queued`; returns how many. */
  promoteDue(now: number): number;
  /** Earliest run_at among scheduled jobs, or null. */
  nextDueAt(): number | null;
  /** Whether any job of `stage` is queued (a read on the claim index; lets the engine skip a write). */
  hasQueued(stage: Stage): boolean;
}

/** The fenced transitions of a run: claim, heartbeat, finish. */
export interface JobRuns {
  claimNext(claim: ClaimRequest, now: number): ClaimedJob | undefined;
  /**
   * Claims one job of a stage whose breaker is half-open, from `waiting` (or `queued`): the probe.
   * The other waiting jobs stay as they are, so a probe costs one job's events, not the stage's.
   */
  claimProbe(claim: ClaimRequest, now: number, why: string): ClaimedJob | undefined;
  renewLease(lease: LeaseRef, now: number, leaseMs: number, progress: Progress | null): boolean;
  /**
   * Whether the job's work has begun: `since` (ms epoch) while it waits for its worker to start,
   * null once a worker takes it. False when the lease is no longer held.
   */
  markAwaitingWorker(lease: LeaseRef, since: number | null): boolean;
  finishRunning(lease: LeaseRef, now: number, after: AfterRunning, event: EventInput): boolean;
  /** finishRunning and claimNext in one transaction: a busy worker slot hands over without a second commit. */
  finishAndClaim(
    lease: LeaseRef,
    now: number,
    after: AfterRunning,
    event: EventInput,
    claim: ClaimRequest,
  ): { finished: boolean; next: ClaimedJob | undefined };
}

/** A stage that cannot run: its jobs wait, with the reason on each, and come back when it can. */
export interface StageParking {
  /** queued → waiting for every job of a stage that cannot run now; returns how many. */
  park(stage: Stage, reason: string, now: number): number;
  /** waiting → queued for every job of a stage that can run again; returns how many. */
  unpark(stage: Stage, now: number): number;
}

/** What the recovery side reads about live leases; each read costs in proportion to the running work. */
export interface LeaseReads {
  all(): Lease[];
  /** Reads only `leases` (one row per running job): cost grows with running work, not with the jobs. */
  expired(now: number): Lease[];
  /** Live leases of these items (primary-key lookups). */
  of(itemIds: readonly number[]): Lease[];
  one(itemId: number): Lease | undefined;
  /** Distinct lease owners: one pid check each tells whether a whole process is gone. */
  owners(): string[];
  ownedBy(owner: string): Lease[];
}

/** After a suspend: the time the machine slept counts neither as running nor as stalled. */
export interface SuspendedLeases {
  /**
   * Every lease expires no sooner than `minExpiresAt`; the leases of `owner` (this engine's) also have
   * their start and last progress moved `jumpMs` later. Returns how many leases changed.
   */
  extend(owner: string, jumpMs: number, minExpiresAt: number): number;
}

/** What a user does to an item, each one transaction with its event; null: no such item. */
export interface UserActions {
  cancel(itemId: number, now: number): 'cancelled' | 'not_cancellable' | null;
  retry(itemId: number, now: number): 'retried' | 'not_retryable' | null;
  retryAllDead(now: number): number;
  discard(itemId: number, now: number): 'discarded' | 'already_discarded' | null;
  /**
   * A done item runs again from `job.stage`, with fresh attempts; its old outputs stay published
   * until the re-run succeeds (the store keeps the new ones apart meanwhile).
   */
  rerun(itemId: number, job: NewJob, now: number): 'rerun' | 'not_rerunnable' | null;
}

/**
 * The emergency path's own statements: the transition alone, fenced by the lease, with no event and
 * the item's event chain head (`jobs.last_event_id`) left where it is; and the owed audit rows,
 * appended later once events can be written again.
 */
export interface EmergencyRecord {
  finishMinimal(lease: LeaseRef, now: number, after: MinimalAfter): boolean;
  appendEvent(itemId: number, stage: Stage | null, now: number, event: EventInput): void;
}

/** Every port the queue holds, as the store hands them over. */
export interface QueuePorts {
  schedule: JobSchedule;
  runs: JobRuns;
  parking: StageParking;
  leases: LeaseReads;
  suspend: SuspendedLeases;
  actions: UserActions;
  emergency: EmergencyRecord;
}
