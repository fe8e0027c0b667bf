import type { ItemSummary } from '../../../shared/contract';
import { ProgressBar } from '../components/ProgressBar';
import { stageLabels } from '../format/labels';
import { formatCount } from '../format/numbers';
import { routeHref } from '../navigation/use-hash-route';
import { liveProgress } from '../stores/progress-store';
import { idleReasons, withLiveCounts } from '../format/stage-hold';
import { useOverview, useProgress, useRunning, useStages } from '../stores/stores-context';
import { displayText } from '../../../shared/display-text';

function RunningRow({ item }: { item: ItemSummary }) {
  const progress = useProgress((s) => liveProgress(item, s.byId));
  return (
    <li className="running-row">
      <a href={routeHref({ name: 'item', id: item.id })} className="running-name" title={displayText(item.file)}>
        {displayText(item.fileName)}
      </a>
      <span className="running-stage">{stageLabels[item.stage]}</span>
      <ProgressBar
        progress={progress}
        startedAt={item.startedAt}
        label={`${displayText(item.fileName)}: ${stageLabels[item.stage]}`}
      />
    </li>
  );
}

/** Items whose stage is at work right now: step, how far, for how long; pushed live. */
export function RunningNow() {
  const items = useRunning((s) => s.items);
  const count = useRunning((s) => s.count);
  const loaded = useRunning((s) => s.loaded);
  const error = useRunning((s) => s.error);
  const stages = useStages((s) => s.stages);
  const overview = useOverview((s) => s.overview);
  // "Nothing is running" is only true with its reason when a stage is held or blocked with items behind it.
  const why = idleReasons(withLiveCounts(stages ?? [], overview));
  return (
    <section className="panel running" aria-labelledby="running-heading">
      <h3 id="running-heading">
        Running now {count > 0 && <span className="heading-count">{formatCount(count)}</span>}
      </h3>
      {error && <p className="message message-error">Could not load what is running. {error}</p>}
      {loaded && !error && items.length === 0 && (
        <p className="unavailable">
          {why.length > 0 ? `Nothing is running: ${why.join('; ')}.` : 'Nothing is running right now.'}
        </p>
      )}
      {items.length > 0 && (
        <ul className="running-list">
          {items.map((item) => (
            <RunningRow key={item.id} item={item} />
          ))}
        </ul>
      )}
      {count > items.length && (
        <p className="hint">
          and {formatCount(count - items.length)} more in <a href={routeHref({ name: 'items' })}>Items</a>.
        </p>
      )}
    </section>
  );
}
