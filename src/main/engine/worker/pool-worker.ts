import type { Progress } from '../../../shared/contract';
import type { JobToRun, RunEnd } from '../stage-executor';
import type { Clock } from '../../time/clock';
import type { Logger } from '../../log/logger';
import type { IdlePings } from './idle-ping-policy';
import type { WorkerLauncher, WorkerProcess, WorkerSpec } from './worker-launcher';

export interface WorkerPoolOptions {
  launcher: WorkerLauncher;
  spec: WorkerSpec;
  size: number;
  clock: Clock;
  log: Logger;
  /** Time a worker gets to exit when asked before it is killed, ms. */
  stopMs: number;
  /** A worker that has not said `ready` by then is killed and replaced, ms. Default 60 000. */
  readyTimeoutMs?: number;
  /** Idle workers are pinged this often, ms (the heartbeat). Default 1 000. */
  pingMs?: number;
  /** An idle worker silent this long is replaced, ms (the lease). Default 10 000. */
  answerWithinMs?: number;
}

export interface Running {
  job: JobToRun;
  onProgress(progress: Progress): void;
  resolve(end: RunEnd): void;
  /** Set when the engine killed the worker on purpose (watchdog), so the exit is not a crash. */
  killedBecause?: string;
}

export interface PoolWorker {
  proc: WorkerProcess;
  state: 'starting' | 'idle' | 'busy' | 'stopping';
  running?: Running;
  /** Replace this worker once its job ends (recycle). */
  retire: boolean;
  readyTimer?: NodeJS.Timeout;
  /** When it was launched (monotonic ms): how long it has been starting. */
  launchedAt: number;
  pings: IdlePings;
}
