import type { Progress, Stage } from '../../../shared/contract';
import type { JobToRun, RunEnd } from '../stage-executor';

/** Engine → worker. */
export type ToWorker =
  | { type: 'run'; job: JobToRun }
  /** Stop this job's stage (cancel, shutdown); the worker answers with a `lost` result. */
  | { type: 'abort'; itemId: number; why: string }
  /** Finish nothing more and exit. */
  | { type: 'stop' }
  /** Are you there? Sent to idle workers every heartbeat; answered with `pong`. */
  | { type: 'ping'; seq: number };

/** Worker → engine. */
export type FromWorker =
  | { type: 'ready'; pid: number; stages: Stage[] }
  | { type: 'progress'; itemId: number; progress: Progress }
  | { type: 'result'; itemId: number; token: number; end: RunEnd }
  | { type: 'pong'; seq: number }
  /** The worker could not open the store or build its stages; it exits after sending this. */
  | { type: 'failed'; message: string };

/** The environment a worker reads its launch options from (an Electron utility process gets the same). */
export const workerEnv = {
  dataDir: 'LIFELINE_WORKER_DATA_DIR',
  stagesModule: 'LIFELINE_WORKER_STAGES_MODULE',
  stagesExport: 'LIFELINE_WORKER_STAGES_EXPORT',
  /** The one stage the worker runs: it builds no other stage's handler into use. */
  stage: 'LIFELINE_WORKER_STAGE',
} as const;
