/** How a stuck job is brought back; `requeue` is for a job whose work never began, and is no recovery. */
export type RecoveryStrategy = 'requeue' | 'resume' | 'restart' | 'validate' | 'escalate';

export interface StrategyInput {
  /**
   * Whether the job's work began: false while it waited for its worker to start (the engine was
   * killed during that start), so nothing of it ran and nothing of it can be at fault.
   */
  workBegun: boolean;
  /** Recoveries of this job so far (at this stage). */
  recoveries: number;
  maxRecoveries: number;
  /** Last progress the worker reported, or null. */
  progressPercent: number | null;
  /** The stage stores partial output (e.g. transcribed chunks) that a re-run keeps. */
  keepsCheckpoint: boolean;
  /** What the stage could resume from now, or null when nothing is stored (yet). */
  checkpoint: { percent: number; nextPart?: string } | null;
  /** The stage says its output is already complete and verified. */
  outputComplete: boolean;
  /**
   * How many recoveries in a row, just before this one, found the checkpoint exactly where it is now:
   * each time the same part of the work was tried and stopped without finishing.
   */
  recoveriesWithoutHeadway: number;
  /** Tries of one part (the first and its retries) before it is set aside, or the item is a dead letter naming it. */
  maxPartTries: number;
  /** The stage can set a part aside and go on with the others (the transcribe stage). */
  setsPartsAside: boolean;
  resumeMinProgressPercent: number;
}

export interface StrategyChoice {
  strategy: RecoveryStrategy;
  because: string;
  /** For an escalation on one part that keeps failing: which part. */
  failedPart?: string;
  /** The part that keeps stopping the stage is set aside and the others go on: which part. */
  setAside?: string;
}

/** Tries of the same part (a chunk that hangs or takes its worker down) before escalation. Default. */
export const defaultMaxPartTries = 3;

/**
 * Picks the strategy for one stuck job. Finished work is never thrown away: complete output is
 * validated, even on the last recovery, and a restart keeps every stored part that validates (only
 * a resume and a restart differ in what is re-checked). A part that stops the stage again and again
 * is tried a bounded number of times, then set aside so the other parts go on (a stage that cannot
 * do that gets a dead letter naming the part); there is no alternating between resume and restart.
 * A job whose work never began is only put back: no recovery is counted and no limit applies.
 */
export function chooseStrategy(input: StrategyInput): StrategyChoice {
  // Before every limit: an engine killed again and again during a worker's start must not use up a job that never ran.
  if (!input.workBegun)
    return { strategy: 'requeue', because: 'its work had not begun: it was waiting for its worker to start' };
  if (input.outputComplete) return { strategy: 'validate', because: 'the output is already complete' };
  if (input.recoveries >= input.maxRecoveries) {
    return {
      strategy: 'escalate',
      because: `already recovered ${input.recoveries} times (limit ${input.maxRecoveries})`,
    };
  }
  const cp = input.checkpoint;
  const tries = input.recoveriesWithoutHeadway + 1;
  if (input.keepsCheckpoint && tries >= input.maxPartTries) {
    const part = cp?.nextPart ?? 'the first part';
    if (input.setsPartsAside)
      return {
        strategy: cp ? 'resume' : 'restart',
        because: `${part} stopped the stage ${tries} times in a row: it is set aside and the other parts go on`,
        setAside: part,
      };
    return { strategy: 'escalate', because: `${part} stopped the stage ${tries} times in a row`, failedPart: part };
  }
  if (!cp) {
    return {
      strategy: 'restart',
      because: input.keepsCheckpoint ? 'no part of its output is stored yet' : 'the stage keeps no checkpoint',
    };
  }
  const progress = Math.max(cp.percent, input.progressPercent ?? 0);
  if (progress < input.resumeMinProgressPercent) {
    return {
      strategy: 'restart',
      because: `only ${progress.toFixed(0)}% done, below the ${input.resumeMinProgressPercent}% worth resuming; stored parts that validate are kept`,
    };
  }
  return { strategy: 'resume', because: `a checkpoint at ${cp.percent.toFixed(0)}% exists` };
}
