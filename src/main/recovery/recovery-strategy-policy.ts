/** How a stuck job is brought back. */
export type RecoveryStrategy = 'resume' | 'restart' | 'validate' | 'escalate';

export interface StrategyInput {
  /** Recoveries of this job so far (at this stage). */
  recoveries: number;
  maxRecoveries: number;
  /** Last progress the worker reported, or null. */
  progressPercent: number | null;
  /** What the stage could resume from, or null when it keeps no checkpoint. */
  checkpoint: { percent: number } | null;
  /** The stage says its output is already complete and verified. */
  outputComplete: boolean;
  /** Checkpoint percent of the previous recovery when it was a resume: resuming there again made no headway. */
  previousResumePercent: number | null;
  resumeMinProgressPercent: number;
}

export interface StrategyChoice {
  strategy: RecoveryStrategy;
  because: string;
}

/**
 * Picks the strategy for one stuck job. Order matters: finished work is never thrown away, even on
 * the last recovery; a job that keeps taking its worker down is escalated rather than looped; a
 * checkpoint is only trusted when it holds meaningful progress and the last resume from it moved on.
 */
export function chooseStrategy(input: StrategyInput): StrategyChoice {
  if (input.outputComplete) return { strategy: 'validate', because: 'the output is already complete' };
  if (input.recoveries >= input.maxRecoveries) {
    return { strategy: 'escalate', because: `already recovered ${input.recoveries} times (limit ${input.maxRecoveries})` };
  }
  const cp = input.checkpoint;
  if (!cp) return { strategy: 'restart', because: 'the stage keeps no checkpoint' };
  const progress = Math.max(cp.percent, input.progressPercent ?? 0);
  if (progress < input.resumeMinProgressPercent) {
    return { strategy: 'restart', because: `only ${progress.toFixed(0)}% done, below the ${input.resumeMinProgressPercent}% worth resuming` };
  }
  if (input.previousResumePercent !== null && cp.percent <= input.previousResumePercent) {
    return { strategy: 'restart', because: `the last resume from ${input.previousResumePercent.toFixed(0)}% made no headway` };
  }
  return { strategy: 'resume', because: `a checkpoint at ${cp.percent.toFixed(0)}% exists` };
}
