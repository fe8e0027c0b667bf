import { memo } from 'react';
import type { ItemSummary } from '../../../../shared/contract';
import { ProgressBar } from '../../components/ProgressBar';
import { StateBadge } from '../../components/StateBadge';
import { formatTime, stageLabels } from '../../format/labels';
import { formatAgo } from '../../format/numbers';
import { routeHref } from '../../navigation/use-hash-route';
import { liveProgress } from '../../stores/progress-store';
import { useProgress } from '../../stores/stores-context';
import { displayText } from '../../../../shared/display-text';

/** Row height in px: the list is virtualised on it, and the CSS sets the same. */
export const itemRowHeight = 44;

function Details({ item }: { item: ItemSummary }) {
  const progress = useProgress((s) => liveProgress(item, s.byId));
  switch (item.state) {
    case 'running':
      return (
        <ProgressBar
          progress={progress}
          startedAt={item.startedAt}
          label={`${displayText(item.fileName)}: ${stageLabels[item.stage]}`}
        />
      );
    case 'waiting':
      return <span className="row-detail row-detail-warn">{item.waitReason ?? 'waiting'}</span>;
    case 'dead':
    case 'retry_scheduled':
      return item.error ? (
        <span className="row-detail" title={displayText(item.error.message)}>
          <code className="error-code">{item.error.code}</code> {displayText(item.error.message)}
        </span>
      ) : null;
    case 'done':
      // Finished: the last stage's attempt count says nothing about the recording.
      return null;
    default:
      return (
        <span className="row-detail">{item.attempts > 0 ? `attempt ${item.attempts} of ${item.maxAttempts}` : ''}</span>
      );
  }
}

export interface ItemRowProps {
  index: number;
  item: ItemSummary;
  selected: boolean;
  now: number;
  onToggle(id: number): void;
}

export const ItemRow = memo(function ItemRow({ index, item, selected, now, onToggle }: ItemRowProps) {
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      aria-selected={selected}
      className="item-row"
      style={{ top: index * itemRowHeight }}
      data-item-id={item.id}
    >
      <div role="gridcell" className="col-select">
        <input
          type="checkbox"
          checked={selected}
          onChange={() => onToggle(item.id)}
          aria-label={`Select ${displayText(item.fileName)}`}
          data-row-index={index}
          data-col="select"
        />
      </div>
      <div role="rowheader" className="col-file">
        <a
          href={routeHref({ name: 'item', id: item.id })}
          title={displayText(item.file)}
          data-row-index={index}
          data-col="open"
        >
          {displayText(item.fileName)}
        </a>
      </div>
      <div role="gridcell" className="col-state">
        <StateBadge state={item.state} />
      </div>
      <div role="gridcell" className="col-stage">
        {stageLabels[item.stage]}
      </div>
      <div role="gridcell" className="col-detail">
        <Details item={item} />
      </div>
      <div role="gridcell" className="col-priority">
        {item.priority === 0 ? '' : item.priority > 0 ? `+${item.priority}` : item.priority}
      </div>
      <div role="gridcell" className="col-added">
        <time dateTime={item.createdAt} title={formatTime(item.createdAt)}>
          {formatAgo(item.createdAt, now)}
        </time>
      </div>
    </div>
  );
});

export function PlaceholderRow({ index }: { index: number }) {
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      aria-busy="true"
      className="item-row item-row-placeholder"
      style={{ top: index * itemRowHeight }}
    >
      <div role="gridcell" className="col-select" />
      <div role="gridcell" className="col-file">
        <span className="skeleton" />
      </div>
    </div>
  );
}
