import type { ItemSummary } from '../../../../shared/contract';
import { formatTime, stageLabels } from '../../format/labels';
import { routeHref } from '../../navigation/use-hash-route';
import type { RowAction } from '../../stores/dead-letters-store';
import { displayText } from '../../../../shared/display-text';

export interface DeadLetterRowProps {
  item: ItemSummary;
  pending: RowAction | undefined;
  onRetry(id: number): void;
  onDiscard(id: number): void;
}

export function DeadLetterRow({ item, pending, onRetry, onDiscard }: DeadLetterRowProps) {
  return (
    <tr aria-busy={pending !== undefined}>
      <th scope="row" className="file">
        <a className="file-name" href={routeHref({ name: 'item', id: item.id })} title={displayText(item.file)}>
          {displayText(item.fileName)}
        </a>
        <span className="item-id">item {item.id}</span>
      </th>
      <td>{stageLabels[item.stage]}</td>
      <td className="error">
        <span className="error-message">{displayText(item.error?.message ?? 'No error was recorded.')}</span>
      </td>
      <td className="attempts">
        {item.attempts} of {item.maxAttempts}
      </td>
      <td className="failed-at">
        <time dateTime={item.updatedAt}>{formatTime(item.updatedAt)}</time>
      </td>
      <td className="actions">
        <button type="button" aria-label={`Retry ${displayText(item.fileName)}`} disabled={pending !== undefined} onClick={() => onRetry(item.id)}>
          {pending === 'retry' ? 'Retrying…' : 'Retry'}
        </button>
        <button
          type="button"
          className="button-quiet"
          aria-label={`Discard ${displayText(item.fileName)}`}
          disabled={pending !== undefined}
          onClick={() => onDiscard(item.id)}
        >
          {pending === 'discard' ? 'Discarding…' : 'Discard'}
        </button>
      </td>
    </tr>
  );
}
