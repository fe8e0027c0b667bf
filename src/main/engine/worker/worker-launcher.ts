import type { Stage } from '../../../shared/contract';
import { workerEnv, type FromWorker, type ToWorker } from './worker-protocol';

export interface WorkerSpec {
  dataDir: string;
  /**
   * Module that builds the stage handlers in the worker (`stagesExport(store)`); default: the
   * pipeline's own stages. Tests point it at their own stages.
   */
  stagesModule?: string;
  /** Named export of `stagesModule`. Default `pipelineStages`. */
  stagesExport?: string;
  /** V8 heap limit, MiB: a worker that leaks dies alone with an out-of-memory error. */
  maxHeapMb: number;
  /** Extra environment for the worker. */
  env?: Record<string, string>;
  /** The one stage this worker runs (the pool starts each worker for a stage). */
  stage?: Stage;
}

export interface WorkerExit {
  code: number | null;
  signal: string | null;
}

/** One worker process as the pool sees it, whatever started it. */
export interface WorkerProcess {
  readonly pid: number | undefined;
  /** False when the message could not be sent (the process is going away). */
  send(message: ToWorker): boolean;
  onMessage(listener: (message: FromWorker) => void): void;
  onExit(listener: (exit: WorkerExit) => void): void;
  /** Kills at once (SIGKILL or the platform's equivalent). */
  kill(): void;
}

/**
 * Starts worker processes. `nodeWorkerLauncher` forks Node children; the Electron shell supplies one
 * built on `utilityProcess.fork` (the worker entry detects `process.parentPort`).
 */
export interface WorkerLauncher {
  launch(spec: WorkerSpec): WorkerProcess;
}

/** Environment variables with a value (ProcessEnv allows undefined ones), as a worker's env. */
export function definedEnv(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => e[1] !== undefined));
}

/** A worker's whole environment, whichever launcher starts it: ours, the spec's extras, and what tells the worker its job. */
export function workerProcessEnv(spec: WorkerSpec): Record<string, string> {
  const env: Record<string, string> = { ...definedEnv(process.env), ...spec.env, [workerEnv.dataDir]: spec.dataDir };
  if (spec.stagesModule) env[workerEnv.stagesModule] = spec.stagesModule;
  if (spec.stagesExport) env[workerEnv.stagesExport] = spec.stagesExport;
  if (spec.stage) env[workerEnv.stage] = spec.stage;
  return env;
}
