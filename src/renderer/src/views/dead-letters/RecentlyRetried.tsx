import { ProgressBar } from '../../components/ProgressBar';
import { StateBadge } from '../../components/StateBadge';
import { stageLabels } from '../../format/labels';
import { formatCount } from '../../format/numbers';
import { retriedHeading } from '../../format/retry-wording';
import { routeHref } from '../../navigation/use-hash-route';
import { liveProgress } from '../../stores/progress-store';
import { useDeadLetters, useProgress } from '../../stores/stores-context';
import type { ItemSummary } from '../../../../shared/contract';
import { displayText } from '../../../../shared/display-text';

function RetriedRow({ item }: { item: ItemSummary }) {
  const progress = useProgress((s) => liveProgress(item, s.byId));
  let detail;
  if (item.state === 'running')
    detail = (
      <ProgressBar
        progress={progress}
        startedAt={item.startedAt}
        label={`${displayText(item.fileName)}: ${stageLabels[item.stage]}`}
      />
    );
  else if (item.state === 'waiting') detail = <span className="row-detail row-detail-warn">{item.waitReason}</span>;
  else if (item.state === 'dead') detail = <span className="row-detail">failed again: {item.error?.code}</span>;
  else detail = <span className="row-detail">{stageLabels[item.stage]}</span>;
  return (
    <li className="retried-row">
      <a href={routeHref({ name: 'item', id: item.id })}>{displayText(item.fileName)}</a>
      <StateBadge state={item.state} />
      <span className="retried-stage">{stageLabels[item.stage]}</span>
      {detail}
    </li>
  );
}

/**
 * Items put back in the queue from this screen, followed live: they leave the groups and show their
 * progress here, or that they failed again.
 */
export function RecentlyRetried() {
  const retried = useDeadLetters((s) => s.retried);
  const more = useDeadLetters((s) => s.retriedMore);
  const clear = useDeadLetters((s) => s.clearRetried);
  if (retried.length === 0) return null;
  return (
    <section className="panel retried" aria-labelledby="retried-heading">
      <header className="panel-head">
        <h3 id="retried-heading">{retriedHeading(retried.filter((i) => i.state === 'dead').length, retried.length)}</h3>
        <button type="button" className="button-quiet" onClick={clear}>
          Clear
        </button>
      </header>
      <ul className="retried-list">
        {retried.map((item) => (
          <RetriedRow key={item.id} item={item} />
        ))}
      </ul>
      {more > 0 && (
        <p className="hint">
          and {formatCount(more)} more: follow them in <a href={routeHref({ name: 'items' })}>Items</a>.
        </p>
      )}
    </section>
  );
}
