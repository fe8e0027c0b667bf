import type { Progress } from '../../../shared/contract';
import { formatDuration } from '../format/numbers';
import { progressText, stepText } from '../format/progress-text';
import { useNow } from './use-now';

/**
 * A running stage: its step, how far it is (a bar; indeterminate when the stage cannot tell) and how
 * long it has been running.
 */
export function ProgressBar({
  progress,
  startedAt,
  label,
}: {
  progress: Progress | null;
  startedAt: string | null;
  label: string;
}) {
  const now = useNow();
  const percent = progress?.percent ?? null;
  const elapsed = startedAt ? formatDuration((now - new Date(startedAt).getTime()) / 1000) : null;
  const text = stepText(progress);
  return (
    <div className="progress">
      <div
        className={`progress-track${percent === null ? ' progress-indeterminate' : ''}`}
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent === null ? undefined : Math.round(percent)}
        aria-valuetext={[text, progress?.message].filter(Boolean).join(': ')}
      >
        <div className="progress-fill" style={{ width: `${percent ?? 100}%` }} />
      </div>
      <span className="progress-text" title={progress?.message ?? undefined}>
        {progressText(progress)}
        {elapsed !== null && <span className="progress-elapsed"> · {elapsed}</span>}
      </span>
    </div>
  );
}
