import type { Progress } from '../../../shared/contract';
import type { DataPaths } from '../../config/data-dir';
import type { JobToRun, RunEnd } from '../stage-executor';
import type { Logger } from '../../log/logger';
import { permanentError, toJobFailure } from '../stage-error';
import type { StageHandler, StageItem } from '../stage-handler';

export interface StageJobDeps {
  handler: StageHandler | undefined;
  item: StageItem | undefined;
  paths: DataPaths;
  log: Logger;
  /** Renews the lease (a write fenced by its token); false when the job is no longer ours. */
  heartbeat(progress: Progress | null): boolean;
  onProgress(progress: Progress): void;
  /**
   * The run's one controller: aborted from outside (cancel, shutdown, the engine asking), and by the
   * run itself when the lease is lost. Its signal is the stage's.
   */
  stop: AbortController;
}

/**
 * Runs one claimed job wherever it runs (a worker process or the engine's own): renews the lease by
 * heartbeat while the stage works, carries progress with it, and stops the stage (AbortSignal) the
 * moment the lease is no longer ours or someone asks it to stop.
 */
export async function runStageJob(job: JobToRun, deps: StageJobDeps): Promise<RunEnd> {
  const { handler, item } = deps;
  const log = deps.log.child({ itemId: job.itemId, stage: job.stage, token: job.token });
  if (!handler || !item) {
    const failure = permanentError(
      'INTERNAL',
      handler ? `item ${job.itemId} has no record` : `no handler for stage ${job.stage}`,
    );
    return { kind: 'outcome', outcome: { kind: 'failed', failure: toJobFailure(failure) } };
  }
  const ac = deps.stop;
  let progress: Progress | null = null;
  let leaseLost = false;
  const beat = () => {
    try {
      if (!deps.heartbeat(progress)) {
        leaseLost = true;
        ac.abort(new Error('lease lost'));
      }
    } catch (err: unknown) {
      // A busy or failing database must not kill the job; the lease has slack for a missed beat.
      log.warn({ err }, 'heartbeat write failed');
    }
  };
  const timer = setInterval(beat, job.heartbeatMs);
  try {
    const detail = await handler.run({
      item,
      lease: { itemId: job.itemId, token: job.token },
      attempt: job.attempts,
      paths: deps.paths,
      signal: ac.signal,
      log,
      progress: (p) => {
        progress = p;
        deps.onProgress(p);
      },
    });
    if (leaseLost) return { kind: 'lost', why: 'lease lost' };
    if (ac.signal.aborted) return { kind: 'lost', why: 'stopped' };
    return { kind: 'outcome', outcome: { kind: 'succeeded', detail: detail ?? undefined } };
  } catch (err: unknown) {
    if (leaseLost) return { kind: 'lost', why: 'lease lost' };
    if (ac.signal.aborted) return { kind: 'lost', why: 'stopped' };
    const failure = toJobFailure(err);
    log.info(
      { code: failure.code, permanent: failure.permanent, serviceFault: failure.serviceFault ?? false },
      'stage failed',
    );
    return { kind: 'outcome', outcome: { kind: 'failed', failure } };
  } finally {
    clearInterval(timer);
  }
}
