import { retryAnywayQuestion } from '../../format/retry-wording';
import { useState } from 'react';
import type { BulkAction } from '../../../../shared/contract';
import { formatCount, plural } from '../../format/numbers';
import { selectedCount } from '../../stores/selection';
import { useItems } from '../../stores/stores-context';
import { ActionButton } from '../../components/ActionButton';

const labels: Record<BulkAction, [string, string]> = {
  retry: ['Retry', 'Retrying…'],
  cancel: ['Cancel', 'Cancelling…'],
  discard: ['Discard', 'Discarding…'],
};

/** What the ticked items can have done to them, and "select all N matching". */
export function BulkBar() {
  const count = useItems((s) => s.count) ?? 0;
  const selection = useItems((s) => s.selection);
  const pending = useItems((s) => s.bulkPending);
  const bulk = useItems((s) => s.bulk);
  const rerun = useItems((s) => s.rerun);
  const selectAll = useItems((s) => s.selectAllMatching);
  const clear = useItems((s) => s.clearSelection);
  const failingForGood = useItems((s) => s.failingForGoodInSelection);
  const [confirming, setConfirming] = useState(false);
  /** A bulk Retry that includes dead letters a retry cannot fix: how many, while it asks. */
  const [retryAsk, setRetryAsk] = useState<number | null>(null);
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
    setRetryAsk(null);
    void bulk(action);
  };
  const pressRetry = async () => {
    const forGood = await failingForGood();
    if (forGood > 0) setRetryAsk(forGood);
    else act('retry');
  };
  const busy = pending !== null ? 'An action on the selected items is under way' : null;

  return (
    <div className="bulk-bar" role="region" aria-label="Selected items">
      <strong>
        {selection.mode === 'all' ? `All ${formatCount(n)} matching selected` : `${formatCount(n)} selected`}
      </strong>
      {retryAsk !== null ? (
        <>
          <span className="bulk-confirm">{retryAnywayQuestion(retryAsk, n, 'an error in the file itself')}</span>
          <button type="button" onClick={() => act('retry')}>
            Retry {plural(n, 'item')} anyway
          </button>
          <button type="button" className="button-quiet" onClick={() => setRetryAsk(null)}>
            Cancel
          </button>
        </>
      ) : confirming ? (
        <>
          <span
            className="bulk-confirm"
            title="Discarded items leave every list; their history is kept, and adding the same audio again starts it over."
          >
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
          <ActionButton disabledReason={busy} onClick={() => void pressRetry()}>
            {labels.retry[pending === 'retry' ? 1 : 0]}
          </ActionButton>
          <ActionButton disabledReason={busy} onClick={() => act('cancel')}>
            {labels.cancel[pending === 'cancel' ? 1 : 0]}
          </ActionButton>
          <ActionButton
            disabledReason={busy}
            onClick={() => void rerun('transcribe')}
            title="Done items only: their results stay until the new ones are ready"
          >
            {pending === 'transcribe' ? 'Starting…' : 'Transcribe again'}
          </ActionButton>
          <ActionButton
            disabledReason={busy}
            onClick={() => void rerun('extract')}
            title="Done items only: their memories stay until the new ones are ready"
          >
            {pending === 'extract' ? 'Starting…' : 'Extract again'}
          </ActionButton>
          <ActionButton className="button-quiet" disabledReason={busy} onClick={() => setConfirming(true)}>
            {labels.discard[pending === 'discard' ? 1 : 0]}
          </ActionButton>
          {selection.mode === 'ids' && n < count && (
            <button type="button" className="button-quiet" onClick={selectAll}>
              Select all {formatCount(count)} matching
            </button>
          )}
          <ActionButton className="button-quiet" onClick={clear} disabledReason={busy}>
            Clear selection
          </ActionButton>
        </>
      )}
    </div>
  );
}
