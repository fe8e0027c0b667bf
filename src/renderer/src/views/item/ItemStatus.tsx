import type { ItemDetail } from '../../../../shared/contract';
import { ProgressBar } from '../../components/ProgressBar';
import { errorHint } from '../../format/error-hints';
import { formatTime, stageLabels } from '../../format/labels';
import { liveProgress } from '../../stores/progress-store';
import { useProgress } from '../../stores/stores-context';
import { displayText } from '../../../../shared/display-text';

/** One sentence (or a bar) saying where the item is and, when it is stuck, why and what to do. */
export function ItemStatus({ item }: { item: ItemDetail }) {
  const progress = useProgress((s) => liveProgress(item, s.byId));
  const stage = stageLabels[item.stage];
  switch (item.state) {
    case 'running':
      return (
        <div className="status status-running">
          <p>
            {stage} is running (attempt {item.attempts} of {item.maxAttempts}).
          </p>
          <ProgressBar
            progress={progress}
            startedAt={item.startedAt}
            label={`${displayText(item.fileName)}: ${stage}`}
          />
        </div>
      );
    case 'waiting':
      return (
        <p className="status status-warn">
          Waiting at {stage}: {item.waitReason ?? 'no reason recorded'}. It goes on by itself when that is fixed; no
          attempt is spent meanwhile.
        </p>
      );
    case 'retry_scheduled':
    case 'scheduled':
      return (
        <p className="status status-warn">
          {item.state === 'retry_scheduled'
            ? `${stage} failed (attempt ${item.attempts} of ${item.maxAttempts}); it will try again`
            : `${stage} is scheduled`}
          {item.runAt ? ` at ${formatTime(item.runAt)}` : ''}.{item.error && ` Last error: ${item.error.code}.`}
        </p>
      );
    case 'queued':
      return <p className="status">Queued for {stage}.</p>;
    case 'done':
      return <p className="status status-good">Done: every stage finished.</p>;
    case 'dead':
      return (
        <div className="status status-bad" role="group" aria-label="Why it stopped">
          <p>
            Stopped for good at {stage}
            {item.error ? (
              <>
                : <code className="error-code">{item.error.code}</code> {displayText(item.error.message)}
              </>
            ) : (
              '.'
            )}
          </p>
          <p className="hint">{errorHint(item.error?.code ?? 'NO_ERROR_RECORDED')}</p>
        </div>
      );
    case 'cancelled':
      return <p className="status">Cancelled at {stage}. Retry puts it back in the queue there.</p>;
    case 'discarded':
      return <p className="status">Discarded. Its history is kept; adding the same audio again starts it over.</p>;
    default:
      return null;
  }
}
