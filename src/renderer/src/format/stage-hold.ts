import type { Overview, StageInfo } from '../../../shared/contract';
import { formatCount } from './numbers';

/** Items a held stage keeps from moving: those waiting at it and those in line for it. */
export const heldItems = (s: StageInfo): number => (s.counts.waiting ?? 0) + (s.counts.queued ?? 0);

/**
 * "Transcribe is paused by you, 1,864 waiting": what a paused or stopped stage means for the items,
 * or null for a stage that may run.
 */
export function stageHoldText(s: StageInfo): string | null {
  if (s.heldBy === null) return null;
  return `${s.heldBy}, ${formatCount(heldItems(s))} waiting`;
}

/**
 * Why nothing is running, when something could be: the stages the user holds with items behind
 * them, then other stages whose items wait (a breaker, no engine). With nothing waiting anywhere, a
 * held stage is still said (without a count): the next recording will stop there.
 */
export function idleReasons(stages: readonly StageInfo[]): string[] {
  const reasons: string[] = [];
  for (const s of stages) {
    const hold = stageHoldText(s);
    if (hold !== null && heldItems(s) > 0) reasons.push(hold);
    else if (hold === null && s.blockedBy !== null && heldItems(s) > 0)
      reasons.push(`${formatCount(heldItems(s))} waiting at ${s.stage}: ${s.blockedBy}`);
  }
  if (reasons.length > 0) return reasons;
  return stages.flatMap((s) => (s.heldBy === null ? [] : [s.heldBy]));
}

/**
 * The stages with the overview's counts, which are pushed with every change: the stages themselves
 * (paused, limits) are only asked for again when a pause or a service changes.
 */
export function withLiveCounts(stages: readonly StageInfo[], overview: Overview | null): StageInfo[] {
  if (!overview) return [...stages];
  return stages.map((s) => ({ ...s, counts: overview.byStage[s.stage] ?? s.counts }));
}
