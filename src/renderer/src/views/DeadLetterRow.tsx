import type { ItemSummary } from '../../../shared/contract';
import { formatTime, stageLabels } from '../format/labels';
import type { RowAction } from '../stores/dead-letters-store';

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
        <span className="file-name" title={item.file}>
          {item.fileName}
        </span>
        <span className="item-id">item {item.id}</span>
      </th>
      <td>{stageLabels[item.stage]}</td>
      <td className="error">
        {item.error ? (
          <>
            <code className="error-code">{item.error.code}</code>
            <span className="error-message">{item.error.message}</span>
          </>
        ) : (
          <span className="error-message">No error was recorded.</span>
        )}
      </td>
      <td className="attempts">
        {item.attempts} of {item.maxAttempts}
      </td>
      <td className="failed-at">
        <time dateTime={item.updatedAt}>{formatTime(item.updatedAt)}</time>
      </td>
      <td className="actions">
        <button type="button" aria-label={`Retry ${item.fileName}`} disabled={pending !== undefined} onClick={() => onRetry(item.id)}>
          {pending === 'retry' ? 'Retrying…' : 'Retry'}
        </button>
        <button
          type="button"
          className="button-quiet"
          aria-label={`Discard ${item.fileName}`}
          disabled={pending !== undefined}
          onClick={() => onDiscard(item.id)}
        >
          {pending === 'discard' ? 'Discarding…' : 'Discard'}
        </button>
      </td>
    </tr>
  );
}
