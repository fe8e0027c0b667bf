import type { Progress, Stage } from '../../../shared/contract';
import type { JobToRun, RunEnd } from '../stage-executor';
import type { Clock } from '../../time/clock';
import type { Logger } from '../../log/logger';
import type { IdlePings } from './idle-ping-policy';
import type { WorkerLauncher, WorkerProcess, WorkerSpec } from './worker-launcher';

export interface WorkerPoolOptions {
  launcher: WorkerLauncher;
  spec: WorkerSpec;
  /** Worker processes at most; they start on demand, each for one stage. */
  size: number;
  /** The stages the pipeline runs (default all four): a pool this big keeps one worker for each. */
  stageCount?: number;
  clock: Clock;
  log: Logger;
  /** Time a worker gets to exit when asked before it is killed, ms. */
  stopMs: number;
  /** A worker that has not said `ready` by then is killed, ms. Default 60 000. */
  readyTimeoutMs?: number;
  /** Idle workers are pinged this often, ms (the heartbeat). Default 1 000. */
  pingMs?: number;
  /** An idle worker silent this long is replaced, ms (the lease). Default 10 000. */
  answerWithinMs?: number;
  /** A worker idle this long exits; the next job of its stage starts one again, ms. Default 60 000. */
  idleExitMs?: number;
  /**
   * Renews a claimed job's lease while it waits for its worker to start (the worker renews it once
   * it runs the job; a start that outlasts `readyTimeoutMs` is killed and the job released); false
   * when the lease is no longer held. Default: nothing to renew (tests).
   */
  renewWhileStarting?(job: JobToRun): boolean;
  /**
   * Notes in the store that a claimed job waits for its worker to start: its work has not begun, so
   * an engine killed meanwhile costs the job no recovery. Default: nothing to note (tests).
   */
  awaitWorker?(job: JobToRun): boolean;
  /** Notes that the started worker takes the job, before it is sent: false when the lease is no longer held. */
  workBegins?(job: JobToRun): boolean;
}

export interface Running {
  job: JobToRun;
  onProgress(progress: Progress): void;
  resolve(end: RunEnd): void;
  /** Set when the engine killed the worker on purpose (watchdog), so the exit is not a crash. */
  killedBecause?: string;
}

/** A job handed to a worker that is still starting: it is sent once the worker says `ready`. */
export interface Waiting extends Running {
  /** When the job began to wait (monotonic ms), for the log line that says how long. */
  since: number;
  renewTimer?: NodeJS.Timeout;
}

export interface PoolWorker {
  proc: WorkerProcess;
  /** The one stage it runs (its process builds that stage's handler only). */
  stage: Stage;
  state: 'starting' | 'idle' | 'busy' | 'stopping';
  running?: Running;
  waiting?: Waiting;
  /** Replace this worker once its job ends (recycle). */
  retire: boolean;
  readyTimer?: NodeJS.Timeout;
  /** When it was launched (monotonic ms): how long it has been starting. */
  launchedAt: number;
  /** Since when it has had no job (monotonic ms); null unless idle. */
  idleSince: number | null;
  pings: IdlePings;
}
