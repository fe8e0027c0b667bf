import type { Progress, Stage } from '../../shared/contract';
import type { DataPaths } from '../config/data-dir';
import type { Logger } from '../log/logger';
import type { Queue, RunOutcome } from '../queue/queue';
import type { ClaimedJob } from '../queue/queue-store';
import { permanentError, toJobFailure } from '../pipeline/stage-error';
import type { StageHandler } from '../pipeline/stage-handler';
import type { ItemFilesStore } from '../store/item-files-store';

export interface JobRunnerDeps {
  queue: Queue;
  files: ItemFilesStore;
  paths: DataPaths;
  handlers: ReadonlyMap<Stage, StageHandler>;
  heartbeatMs: number;
  log: Logger;
  onProgress(itemId: number, progress: Progress): void;
}

/** How a run ended: an outcome to record, or nothing because the job is no longer ours. */
export type RunEnd = { kind: 'outcome'; outcome: RunOutcome } | { kind: 'lost'; why: 'lease lost' | 'stopped' };

/**
 * Runs one claimed job: renews its lease by heartbeat while the stage works, carries progress with
 * the heartbeat, and stops the stage (AbortSignal) the moment the lease is no longer ours.
 */
export class JobRunner {
  private readonly active = new Map<number, AbortController>();

  constructor(private readonly deps: JobRunnerDeps) {}

  /** Aborts every running stage (shutdown after the grace period). */
  abortAll(): void {
    for (const ac of this.active.values()) ac.abort(new Error('engine stopping'));
  }

  async run(job: ClaimedJob): Promise<RunEnd> {
    const { queue, log: baseLog } = this.deps;
    const log = baseLog.child({ itemId: job.itemId, stage: job.stage, token: job.token });
    const handler = this.deps.handlers.get(job.stage);
    const item = this.deps.files.stageItem(job.itemId);
    if (!handler || !item) {
      const failure = permanentError('INTERNAL', handler ? `item ${job.itemId} has no record` : `no handler for stage ${job.stage}`);
      return { kind: 'outcome', outcome: { kind: 'failed', failure: toJobFailure(failure) } };
    }
    const ac = new AbortController();
    this.active.set(job.itemId, ac);
    let progress: Progress | null = null;
    let leaseLost = false;
    const beat = () => {
      try {
        if (!queue.heartbeat(job, progress)) {
          leaseLost = true;
          ac.abort(new Error('lease lost'));
        }
      } catch (err: unknown) {
        // A busy or failing database must not kill the job; the lease has slack for a missed beat.
        log.warn({ err }, 'heartbeat write failed');
      }
    };
    const timer = setInterval(beat, this.deps.heartbeatMs);
    try {
      const detail = await handler.run({
        item,
        lease: { itemId: job.itemId, token: job.token },
        attempt: job.attempts,
        paths: this.deps.paths,
        signal: ac.signal,
        log,
        progress: (p) => {
          progress = p;
          this.deps.onProgress(job.itemId, p);
        },
      });
      if (leaseLost) return { kind: 'lost', why: 'lease lost' };
      if (ac.signal.aborted) return { kind: 'lost', why: 'stopped' };
      return { kind: 'outcome', outcome: { kind: 'succeeded', detail: detail ?? undefined } };
    } catch (err: unknown) {
      if (leaseLost) return { kind: 'lost', why: 'lease lost' };
      if (ac.signal.aborted) return { kind: 'lost', why: 'stopped' };
      const failure = toJobFailure(err);
      log.info({ code: failure.code, permanent: failure.permanent }, 'stage failed');
      return { kind: 'outcome', outcome: { kind: 'failed', failure } };
    } finally {
      clearInterval(timer);
      this.active.delete(job.itemId);
    }
  }
}
