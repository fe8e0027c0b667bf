import { useDeadLetters } from '../stores/stores-context';
import { DeadLetterRow } from './DeadLetterRow';

function DeadLettersTable() {
  const items = useDeadLetters((s) => s.items);
  const pending = useDeadLetters((s) => s.pending);
  const retry = useDeadLetters((s) => s.retry);
  const discard = useDeadLetters((s) => s.discard);
  return (
    <div className="table-scroll">
      <table className="dead-letters">
        <caption className="visually-hidden">Dead letters, newest first</caption>
        <thead>
          <tr>
            <th scope="col">File</th>
            <th scope="col">Stage</th>
            <th scope="col">Error</th>
            <th scope="col">Attempts</th>
            <th scope="col">Failed</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <DeadLetterRow
              key={item.id}
              item={item}
              pending={pending[item.id]}
              onRetry={(id) => void retry(id)}
              onDiscard={(id) => void discard(id)}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Items that stopped for good, with their error, and the one-click repairs. */
export function DeadLettersView() {
  const loaded = useDeadLetters((s) => s.loaded);
  const loadError = useDeadLetters((s) => s.loadError);
  const count = useDeadLetters((s) => s.items.length);
  const hasMore = useDeadLetters((s) => s.nextCursor !== null);
  const retryingAll = useDeadLetters((s) => s.retryingAll);
  const notice = useDeadLetters((s) => s.notice);
  const actionError = useDeadLetters((s) => s.actionError);
  const load = useDeadLetters((s) => s.load);
  const loadMore = useDeadLetters((s) => s.loadMore);
  const retryAll = useDeadLetters((s) => s.retryAll);
  const dismissMessages = useDeadLetters((s) => s.dismissMessages);

  let body;
  if (!loaded) body = <p className="placeholder">Loading dead letters…</p>;
  else if (loadError)
    body = (
      <div role="alert" className="message message-error">
        <p>Could not load the dead letters. {loadError}</p>
        <button type="button" onClick={() => void load()}>
          Try again
        </button>
      </div>
    );
  else if (count === 0) body = <p className="empty">No dead letters — everything that failed has been handled</p>;
  else
    body = (
      <>
        <DeadLettersTable />
        {hasMore && (
          <button type="button" className="load-more" onClick={() => void loadMore()}>
            Show older dead letters
          </button>
        )}
      </>
    );

  return (
    <section className="view" aria-labelledby="view-heading">
      <header className="view-header">
        <h2 id="view-heading" tabIndex={-1}>
          Dead letters
        </h2>
        <button type="button" onClick={() => void retryAll()} disabled={retryingAll || count === 0}>
          {retryingAll ? 'Retrying all…' : 'Retry all'}
        </button>
      </header>
      <p className="lede">
        Items that failed for good: a permanent error, or every attempt used. Their audio is kept; Retry puts an item back in the queue at
        the stage where it stopped.
      </p>
      <p role="status" className={`notice${notice ? ` notice-${notice.tone}` : ''}`}>
        {notice?.text}
      </p>
      {actionError && (
        <div role="alert" className="message message-error">
          <p>{actionError}</p>
          <button type="button" className="button-quiet" onClick={dismissMessages}>
            Dismiss
          </button>
        </div>
      )}
      {body}
    </section>
  );
}
