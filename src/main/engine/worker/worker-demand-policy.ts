import type { Stage } from '../../../shared/contract';

/**
 * When the pool starts a worker and when it stops one (pure; times are monotonic ms passed in).
 * Workers start on demand: none at boot, one when a job of its stage is claimed and no idle worker
 * of that stage answers, and each serves one stage only (so the transcribe workers alone ever load
 * a speech model, the extract workers alone the language libraries). A worker idle for
 * `idleExitMs` is asked to exit, so an idle app holds only the engine process.
 */
export interface DemandWorker {
  /** The one stage this worker runs. */
  stage: Stage;
  state: 'starting' | 'idle' | 'busy' | 'stopping';
  /** Idle, answering pings and not retiring: it can take a job now. */
  free: boolean;
  /** Since when it has been idle (monotonic ms); null unless idle. */
  idleSince: number | null;
}

export interface DemandLimits {
  /** Worker processes at most (the `workers` setting). */
  size: number;
  /** Whether a new worker may start now (not while starts back off after crashes). */
  startsAllowed: boolean;
  /** Monotonic ms now: how long the idle workers of other stages have been idle. */
  now: number;
  /** How many stages the pipeline has: a pool this big can keep one worker for each. */
  stageCount: number;
}

/**
 * A full pool retires an idle worker of another stage for a job at once when that stage keeps another
 * worker, and its last worker only once it has been idle this long: a stage whose next job is about to
 * come (items flowing from stage to stage) keeps one worker, so workers are not killed and started
 * again between every two jobs (each start costs 0.3–1 s). A pool smaller than the pipeline cannot keep
 * one worker per stage: there an idle worker is taken at once.
 */
export const replaceAfterIdleMs = 5_000;

function replaceable(workers: readonly DemandWorker[], w: DemandWorker, stage: Stage, limits: DemandLimits): boolean {
  if (!w.free || w.stage === stage) return false;
  if (limits.size < limits.stageCount) return true;
  const now = limits.now;
  const keepsAnother = workers.some((o) => o !== w && o.stage === w.stage && o.state !== 'stopping');
  return keepsAnother || (w.idleSince !== null && now - w.idleSince >= replaceAfterIdleMs);
}

/**
 * Where a job of a stage goes: an idle worker of its stage, a new worker, a new worker in place of one of
 * another stage idle for {@link replaceAfterIdleMs}, or nowhere now.
 */
export type Placement<W> =
  { kind: 'use'; worker: W } | { kind: 'start' } | { kind: 'replace'; retire: W } | { kind: 'none' };

const live = (workers: readonly DemandWorker[]) => workers.filter((w) => w.state !== 'stopping').length;

/** The worker idle the shortest time goes first, so the others stay idle long enough to exit. */
function newestIdle<W extends DemandWorker>(workers: readonly W[]): W | undefined {
  let best: W | undefined;
  for (const w of workers) if (best === undefined || (w.idleSince ?? 0) > (best.idleSince ?? 0)) best = w;
  return best;
}

function oldestIdle<W extends DemandWorker>(workers: readonly W[]): W | undefined {
  let best: W | undefined;
  for (const w of workers) if (best === undefined || (w.idleSince ?? 0) < (best.idleSince ?? 0)) best = w;
  return best;
}

export function placeJob<W extends DemandWorker>(
  workers: readonly W[],
  stage: Stage,
  limits: DemandLimits,
): Placement<W> {
  const own = newestIdle(workers.filter((w) => w.free && w.stage === stage));
  if (own) return { kind: 'use', worker: own };
  if (!limits.startsAllowed) return { kind: 'none' };
  if (live(workers) < limits.size) return { kind: 'start' };
  const other = oldestIdle(workers.filter((w) => replaceable(workers, w, stage, limits)));
  return other ? { kind: 'replace', retire: other } : { kind: 'none' };
}

/** How many jobs of the stage could be placed now: what the engine may claim. */
export function roomFor(workers: readonly DemandWorker[], stage: Stage, limits: DemandLimits): number {
  const own = workers.filter((w) => w.free && w.stage === stage).length;
  if (!limits.startsAllowed) return own;
  const others = workers.filter((w) => replaceable(workers, w, stage, limits)).length;
  return own + others + Math.max(0, limits.size - live(workers));
}

/** Idle workers that have had nothing to do for `idleExitMs`: they are asked to exit. */
export function idleToStop<W extends DemandWorker>(workers: readonly W[], now: number, idleExitMs: number): W[] {
  return workers.filter((w) => w.state === 'idle' && w.idleSince !== null && now - w.idleSince >= idleExitMs);
}

/**
 * How long after the last crash a new start waits: at once while workers die now and then, then
 * 0.5 s doubling up to 30 s once 5 died within a minute (a launch error counts as 5), so a broken
 * install cannot fork-bomb the machine.
 */
export function startDelayMs(crashesInLastMinute: number, launchError: boolean): number {
  const recent = crashesInLastMinute + (launchError ? 5 : 0);
  return recent < 5 ? 0 : Math.min(30_000, 500 * 2 ** (recent - 5));
}
