import type { Stage } from '../../shared/contract';

/** The stage's name as the screens show it ("Transcribe"). */
export const stageName = (stage: Stage): string => stage.charAt(0).toUpperCase() + stage.slice(1);

/**
 * Why a stage the user holds does not run, or null when it may: paused by them, or stopped by a
 * concurrency of 0 (the same wait, said differently so the fix is clear). Pure.
 */
export function heldByUserReason(stage: Stage, cfg: { paused: boolean; concurrency: number }): string | null {
  if (cfg.paused) return `${stageName(stage)} is paused by you`;
  if (cfg.concurrency === 0)
    return `${stageName(stage)} is stopped: it may run 0 jobs at once; raise its concurrency in Settings to start it`;
  return null;
}
