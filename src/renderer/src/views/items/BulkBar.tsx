import { useState } from 'react';
import type { BulkAction } from '../../../../shared/contract';
import { formatCount, plural } from '../../format/numbers';
import { selectedCount } from '../../stores/selection';
import { useItems } from '../../stores/stores-context';

const labels: Record<BulkAction, [string, string]> = { retry: ['Retry', 'Retrying…'], cancel: ['Cancel', 'Cancelling…'], discard: ['Discard', 'Discarding…'] };

/** What the ticked items can have done to them, and "select all N matching". */
export function BulkBar() {
  const count = useItems((s) => s.count) ?? 0;
  const selection = useItems((s) => s.selection);
  const pending = useItems((s) => s.bulkPending);
  const bulk = useItems((s) => s.bulk);
  const rerun = useItems((s) => s.rerun);
  const selectAll = useItems((s) => s.selectAllMatching);
  const clear = useItems((s) => s.clearSelection);
  const [confirming, setConfirming] = useState(false);
  const n = selectedCount(selection, count);

  if (n === 0 && selection.mode === 'ids') {
    if (count === 0) return null;
    return (
      <div className="bulk-bar bulk-bar-idle">
        <span>Tick items to act on several at once.</span>
        <button type="button" className="button-quiet" onClick={selectAll}>
          Select all {formatCount(count)} matching
        </button>
      </div>
    );
  }

  const act = (action: BulkAction) => {
    setConfirming(false);
    void bulk(action);
  };

  return (
    <div className="bulk-bar" role="region" aria-label="Selected items">
      <strong>
        {selection.mode === 'all' ? `All ${formatCount(n)} matching selected` : `${formatCount(n)} selected`}
      </strong>
      {confirming ? (
        <>
          <span className="bulk-confirm" title="Discarded items leave every list; their history is kept, and adding the same audio again starts it over.">
            Discard {plural(n, 'item')}? Their history is kept.
          </span>
          <button type="button" className="button-danger" onClick={() => act('discard')}>
            Discard {plural(n, 'item')}
          </button>
          <button type="button" className="button-quiet" onClick={() => setConfirming(false)}>
            Keep them
          </button>
        </>
      ) : (
        <>
          <button type="button" disabled={pending !== null} onClick={() => act('retry')}>
            {labels.retry[pending === 'retry' ? 1 : 0]}
          </button>
          <button type="button" disabled={pending !== null} onClick={() => act('cancel')}>
            {labels.cancel[pending === 'cancel' ? 1 : 0]}
          </button>
          <button type="button" disabled={pending !== null} onClick={() => void rerun('transcribe')} title="Done items only: their results stay until the new ones are ready">
            {pending === 'transcribe' ? 'Starting…' : 'Transcribe again'}
          </button>
          <button type="button" disabled={pending !== null} onClick={() => void rerun('extract')} title="Done items only: their memories stay until the new ones are ready">
            {pending === 'extract' ? 'Starting…' : 'Extract again'}
          </button>
          <button type="button" className="button-danger" disabled={pending !== null} onClick={() => setConfirming(true)}>
            {labels.discard[pending === 'discard' ? 1 : 0]}
          </button>
          {selection.mode === 'ids' && n < count && (
            <button type="button" className="button-quiet" onClick={selectAll}>
              Select all {formatCount(count)} matching
            </button>
          )}
          <button type="button" className="button-quiet" onClick={clear} disabled={pending !== null}>
            Clear selection
          </button>
        </>
      )}
    </div>
  );
}
