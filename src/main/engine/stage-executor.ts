import type { Progress, Stage } from '../../shared/contract';
import type { RunOutcome } from '../queue/queue';

/** What an executor needs to run one claimed job; plain data, so it can cross to a worker process. */
export interface JobToRun {
  itemId: number;
  token: number;
  stage: Stage;
  attempts: number;
  maxAttempts: number;
  /** The lease a heartbeat renews, ms. */
  leaseMs: number;
  heartbeatMs: number;
}

/** Why a run produced nothing to record. */
export type LostReason = 'lease lost' | 'stopped' | 'worker gone' | 'killed' | 'not started';

/** How a run ended: an outcome to record, or nothing because the job is no longer ours or its worker died. */
export type RunEnd = { kind: 'outcome'; outcome: RunOutcome } | { kind: 'lost'; why: LostReason; detail?: string };

export interface WorkerLiveness {
  mode: 'in-process' | 'worker-processes';
  /** Workers start when work needs them and exit when idle: none running is the idle state, not a fault. */
  onDemand: boolean;
  /** Workers the pool may run at once (0 in-process). */
  expected: number;
  /** Workers that can take a job now (idle and answering pings) plus the busy ones. */
  ready: number;
  busy: number;
  /** Idle workers not answering pings (frozen?): they get no job, and are replaced once silent for a lease. */
  silent: number;
  /** Workers replaced because they stopped answering, in the last 10 minutes. */
  recentReplacements: number;
  lastReplacement: { at: number; detail: string } | null;
  /** Workers launched that have not said `ready` yet. */
  starting: number;
  /** How long the longest-starting of them has been starting, ms; null when none is. */
  startingForMs: number | null;
  /** The time a worker gets to say `ready` before it is killed as broken, ms (0 in-process). */
  startupWindowMs: number;
  /** Worker exits not asked for, in the last 10 minutes. */
  recentCrashes: number;
  lastCrash: { at: number; detail: string } | null;
  /** Why no worker could be started, when that is the case. */
  launchError: string | null;
}

/**
 * Where stage work runs: in worker processes (crash isolation) or in the engine's own process
 * (tests, `workers = 0`). The engine claims a stage's job only while `capacity(stage)` is positive.
 */
export interface StageExecutor {
  readonly mode: WorkerLiveness['mode'];
  start(): Promise<void>;
  /** Jobs (of `stage`, when given) that could be handed out now, counting workers that may start for them. */
  capacity(stage?: Stage): number;
  run(job: JobToRun, onProgress: (progress: Progress) => void): Promise<RunEnd>;
  /** Stops a job's run at once (kills its worker process): the watchdog's move against a hung worker. */
  kill(itemId: number, why: string): boolean;
  /** Asks every running stage to stop (shutdown after the grace period). */
  abortAll(why: string): void;
  /** Replaces every worker (reloading engines and models), busy ones once their job ends; returns how many. */
  recycle(): number;
  liveness(): WorkerLiveness;
  close(): Promise<void>;
}
