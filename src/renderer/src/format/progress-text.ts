import type { Progress } from '../../../shared/contract';

/** The step as a screen reader hears it: "copy 40%", "extract". */
export function stepText(progress: Progress | null): string {
  if (!progress) return 'no progress reported yet';
  const step = progress.step.replace(/_/g, ' ');
  return progress.percent === null ? step : `${step} ${Math.round(progress.percent)}%`;
}

/**
 * What a running stage shows beside its bar: how far, in the stage's own words ("71% · 5 of 7 chunks
 * transcribed (pocketsphinx)"), not its step's name, which repeats the stage ("transcribe 71%").
 */
export function progressText(progress: Progress | null): string {
  if (!progress?.message) return stepText(progress);
  return progress.percent === null ? progress.message : `${Math.round(progress.percent)}% · ${progress.message}`;
}
