import type { Progress, Stage } from '../../shared/contract';
import type { DataPaths } from '../config/data-dir';
import type { Logger } from '../log/logger';
import { runStageJob } from './worker/run-stage-job';
import type { StageHandler } from './stage-handler';
import type { Queue } from '../queue/queue';
import type { ItemFilesStore } from '../store/item-files-store';
import type { JobToRun, RunEnd, StageExecutor, WorkerLiveness } from './stage-executor';

export interface InProcessExecutorDeps {
  queue: Queue;
  files: ItemFilesStore;
  paths: DataPaths;
  handlers: ReadonlyMap<Stage, StageHandler>;
  log: Logger;
}

/**
 * Runs stages on the engine's own event loop: no crash isolation, so only for tests (stages defined
 * in the test itself, fake clocks) and for `workers = 0`. Heartbeats use the engine's clock.
 */
export class InProcessExecutor implements StageExecutor {
  readonly mode = 'in-process' as const;
  private readonly active = new Map<number, AbortController>();

  constructor(private readonly deps: InProcessExecutorDeps) {}

  start(): Promise<void> {
    return Promise.resolve();
  }

  capacity(): number {
    return Number.POSITIVE_INFINITY;
  }

  async run(job: JobToRun, onProgress: (progress: Progress) => void): Promise<RunEnd> {
    const stop = new AbortController();
    this.active.set(job.itemId, stop);
    try {
      return await runStageJob(job, {
        handler: this.deps.handlers.get(job.stage),
        item: this.deps.files.stageItem(job.itemId),
        paths: this.deps.paths,
        log: this.deps.log,
        heartbeat: (progress) => this.deps.queue.heartbeat(job, progress),
        onProgress,
        stop,
      });
    } finally {
      this.active.delete(job.itemId);
    }
  }

  /** There is no process to kill: the stage is asked to stop and its result will be dropped. */
  kill(itemId: number, why: string): boolean {
    const ac = this.active.get(itemId);
    ac?.abort(new Error(why));
    return ac !== undefined;
  }

  abortAll(why: string): void {
    for (const ac of this.active.values()) ac.abort(new Error(why));
  }

  recycle(): number {
    return 0;
  }

  liveness(): WorkerLiveness {
    return {
      mode: this.mode,
      onDemand: false,
      expected: 0,
      ready: 0,
      busy: this.active.size,
      silent: 0,
      recentReplacements: 0,
      lastReplacement: null,
      starting: 0,
      startingForMs: null,
      startupWindowMs: 0,
      recentCrashes: 0,
      lastCrash: null,
      launchError: null,
    };
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}
