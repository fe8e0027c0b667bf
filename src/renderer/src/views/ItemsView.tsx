import { useCallback, useEffect } from 'react';
import { itemsQueryFromAddress, itemsQueryToAddress } from '../navigation/view-queries';
import { useQueryInAddress } from '../navigation/use-query-in-address';
import { formatCount } from '../format/numbers';
import { useItems } from '../stores/stores-context';
import { BulkBar } from './items/BulkBar';
import { ItemsList } from './items/ItemsList';
import { ItemsToolbar } from './items/ItemsToolbar';
import { ActionOutcome } from '../components/ActionOutcome';
import { ErrorMessage } from '../components/ErrorMessage';

function Empty({ filtered }: { filtered: boolean }) {
  return filtered ? (
    <p className="empty">No items match this filter. Choose “All” or clear the search to see every item.</p>
  ) : (
    <p className="empty">
      No recordings yet. Press <strong>Add files…</strong> or <strong>Record</strong> above, drop audio files anywhere
      on this window, or run <code>lifeline add &lt;file&gt;</code>.
    </p>
  );
}

const normalize = (raw: string) => itemsQueryToAddress(itemsQueryFromAddress(raw));

/** Every item, filtered, searched and sorted, with bulk repairs; the filter and sort live in the address. */
export function ItemsView({ addressQuery }: { addressQuery: string }) {
  const count = useItems((s) => s.count);
  const shownKey = useItems((s) => s.shownKey);
  const loading = useItems((s) => s.loading);
  const error = useItems((s) => s.error);
  const query = useItems((s) => s.query);
  const notice = useItems((s) => s.notice);
  const actionError = useItems((s) => s.actionError);
  const refresh = useItems((s) => s.refresh);
  const dismiss = useItems((s) => s.dismissMessages);
  const setQuery = useItems((s) => s.setQuery);
  const apply = useCallback(
    (raw: string) => setQuery({ state: undefined, stage: undefined, ...itemsQueryFromAddress(raw) }),
    [setQuery],
  );
  useQueryInAddress({ path: 'items', addressQuery, current: itemsQueryToAddress(query), normalize, apply });
  useEffect(() => {
    if (shownKey === null) void refresh();
  }, [shownKey, refresh]);
  const filtered = query.state !== undefined || query.stage !== undefined || query.q.trim() !== '';

  return (
    <section className="view view-items" aria-labelledby="view-heading">
      <header className="view-header">
        <h2 id="view-heading" tabIndex={-1}>
          Items
        </h2>
        <p className="items-count" role="status" aria-live="polite">
          {count === null ? '' : `${formatCount(count)} ${count === 1 ? 'item' : 'items'}${filtered ? ' match' : ''}`}
          {loading && <span className="loading-dot" aria-label="loading" />}
        </p>
      </header>
      <ItemsToolbar />
      <ActionOutcome notice={notice} error={actionError} onDismiss={dismiss} />
      {error && (
        <ErrorMessage action="Try again" onAction={() => void refresh()}>
          Could not load the items. {error}
        </ErrorMessage>
      )}
      <BulkBar />
      {shownKey !== null && count === 0 ? <Empty filtered={filtered} /> : <ItemsList />}
    </section>
  );
}
