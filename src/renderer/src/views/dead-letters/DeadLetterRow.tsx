import type { ItemSummary } from '../../../../shared/contract';
import { formatTime, stageLabels } from '../../format/labels';
import { routeHref } from '../../navigation/use-hash-route';
import { ActionButton } from '../../components/ActionButton';
import { retryWillFailAgain } from '../../format/error-actions';
import type { RowAction } from '../../stores/dead-letters-store';
import { displayText } from '../../../../shared/display-text';

export interface DeadLetterRowProps {
  item: ItemSummary;
  pending: RowAction | undefined;
  /** A discard is waiting out its undo window. */
  discarding: boolean;
  onRetry(id: number): void;
  onDiscard(id: number): void;
  onUndo(id: number): void;
}

/** One dead letter; for an error that a retry cannot fix, Discard comes first and Retry is quiet. */
export function DeadLetterRow({ item, pending, discarding, onRetry, onDiscard, onUndo }: DeadLetterRowProps) {
  const discardFirst = retryWillFailAgain(item.error?.code);
  const busy = pending === 'retry' ? 'Retrying this item' : pending === 'discard' ? 'Discarding this item' : null;
  const retry = (
    <ActionButton
      key="retry"
      className={discardFirst ? 'button-quiet' : undefined}
      aria-label={`Retry ${displayText(item.fileName)}`}
      disabledReason={busy}
      onClick={() => onRetry(item.id)}
    >
      {pending === 'retry' ? 'Retrying…' : 'Retry'}
    </ActionButton>
  );
  const discard = (
    <ActionButton
      key="discard"
      className={discardFirst ? undefined : 'button-quiet'}
      aria-label={`Discard ${displayText(item.fileName)}`}
      disabledReason={busy}
      onClick={() => onDiscard(item.id)}
    >
      Discard
    </ActionButton>
  );
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
        {discarding ? (
          <>
            <span>Discarding in a moment.</span>{' '}
            <button
              type="button"
              aria-label={`Undo discarding ${displayText(item.fileName)}`}
              onClick={() => onUndo(item.id)}
            >
              Undo
            </button>
          </>
        ) : discardFirst ? (
          [discard, retry]
        ) : (
          [retry, discard]
        )}
      </td>
    </tr>
  );
}
