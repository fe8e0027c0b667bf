import { retryAnywayLabel, retryAnywayQuestion } from '../format/retry-wording';
import { useCallback, useEffect, useState } from 'react';
import { hiddenGroupsFromAddress, hiddenGroupsToAddress } from '../navigation/view-queries';
import { useQueryInAddress } from '../navigation/use-query-in-address';
import { ActionButton } from '../components/ActionButton';
import { permanentShare } from '../format/error-actions';
import { formatCount } from '../format/numbers';
import { useDeadLetters, useHealth } from '../stores/stores-context';
import { ErrorGroupSection } from './dead-letters/ErrorGroupSection';
import { RecentlyRetried } from './dead-letters/RecentlyRetried';
import { ErrorMessage } from '../components/ErrorMessage';

const normalize = (raw: string) => hiddenGroupsToAddress(hiddenGroupsFromAddress(raw));
const hiddenCodes = (collapsed: Partial<Record<string, true>>) =>
  Object.keys(collapsed).filter((code) => collapsed[code]);

/** Items that stopped for good, grouped by why, with the one-click repairs; groups hidden are kept in the address. */
export function DeadLettersView({ addressQuery }: { addressQuery: string }) {
  const loaded = useDeadLetters((s) => s.loaded);
  const loadError = useDeadLetters((s) => s.loadError);
  const groups = useDeadLetters((s) => s.groups);
  const retryingAll = useDeadLetters((s) => s.retryingAll);
  const exporting = useDeadLetters((s) => s.exporting);
  const notice = useDeadLetters((s) => s.notice);
  const actionError = useDeadLetters((s) => s.actionError);
  const load = useDeadLetters((s) => s.load);
  const retryAll = useDeadLetters((s) => s.retryAll);
  const exportAll = useDeadLetters((s) => s.exportAll);
  const dismissMessages = useDeadLetters((s) => s.dismissMessages);
  const total = groups.reduce((n, g) => n + g.count, 0);
  const current = useDeadLetters((s) => hiddenGroupsToAddress(hiddenCodes(s.collapsed)));
  const collapsed = useDeadLetters((s) => s.collapsed);
  const toggleGroup = useDeadLetters((s) => s.toggleGroup);
  const apply = useCallback(
    (raw: string) => {
      const wanted = new Set(hiddenGroupsFromAddress(raw));
      for (const code of new Set([...wanted, ...hiddenCodes(collapsed)]))
        if (wanted.has(code) !== Boolean(collapsed[code])) toggleGroup(code);
    },
    [collapsed, toggleGroup],
  );
  useQueryInAddress({ path: 'dead-letters', addressQuery, current, normalize, apply });
  const newDeadLetters = useHealth((s) => s.snapshot?.attention.newDeadLetters ?? 0);
  const markSeen = useHealth((s) => s.markDeadLettersSeen);
  const [confirmRetryAll, setConfirmRetryAll] = useState(false);
  useEffect(() => {
    if (!loaded) void load();
  }, [loaded, load]);
  // Opening Dead letters is looking at them; so is having it open when new ones arrive.
  useEffect(() => {
    if (loaded && !loadError && newDeadLetters > 0) void markSeen();
  }, [loaded, loadError, newDeadLetters, markSeen]);
  const share = permanentShare(groups);
  const noneReason = total === 0 ? 'There are no dead letters' : null;
  const pressRetryAll = () => (share.count > 0 ? setConfirmRetryAll(true) : void retryAll());

  let body;
  if (!loaded) body = <p className="placeholder">Loading dead letters…</p>;
  else if (loadError)
    body = (
      <ErrorMessage action="Try again" onAction={() => void load()}>
        Could not load the dead letters. {loadError}
      </ErrorMessage>
    );
  else if (total === 0) body = <p className="empty">No dead letters — everything that failed has been handled</p>;
  else body = groups.map((g) => <ErrorGroupSection key={g.code} group={g} />);

  return (
    <section className="view" aria-labelledby="view-heading">
      <header className="view-header">
        <h2 id="view-heading" tabIndex={-1}>
          Dead letters {total > 0 && <span className="heading-count">{formatCount(total)}</span>}
        </h2>
        <div className="header-actions">
          <ActionButton
            className="button-quiet"
            onClick={() => void exportAll('json')}
            disabledReason={exporting !== null ? 'An export is under way' : noneReason}
          >
            {exporting === 'json' ? 'Exporting…' : 'Export JSON'}
          </ActionButton>
          <ActionButton
            className="button-quiet"
            onClick={() => void exportAll('csv')}
            disabledReason={exporting !== null ? 'An export is under way' : noneReason}
          >
            {exporting === 'csv' ? 'Exporting…' : 'Export CSV'}
          </ActionButton>
          <ActionButton
            className={share.count === share.total ? 'button-quiet' : undefined}
            onClick={pressRetryAll}
            disabledReason={retryingAll ? 'Retrying every dead letter' : noneReason}
          >
            {retryingAll ? 'Retrying all…' : 'Retry all'}
          </ActionButton>
        </div>
      </header>
      <p className="lede">
        Items that failed for good: a permanent error, or every attempt used. Their audio is kept. Retry puts an item
        back in the queue at the stage where it stopped; grouped by error, one click repairs every item with the same
        cause.
      </p>
      {confirmRetryAll && (
        <div className="confirm" role="alertdialog" aria-labelledby="retry-all-question">
          <p id="retry-all-question">{retryAnywayQuestion(share.count, share.total, share.codes.join(', '))}</p>
          <button
            type="button"
            onClick={() => {
              setConfirmRetryAll(false);
              void retryAll();
            }}
          >
            {retryAnywayLabel(share.total)}
          </button>{' '}
          <button type="button" className="button-quiet" onClick={() => setConfirmRetryAll(false)}>
            Cancel
          </button>
        </div>
      )}
      <p role="status" className={`notice${notice ? ` notice-${notice.tone}` : ''}`}>
        {notice?.text}
      </p>
      {actionError && (
        <ErrorMessage action="Dismiss" onAction={dismissMessages} quiet>
          {actionError}
        </ErrorMessage>
      )}
      <RecentlyRetried />
      {body}
    </section>
  );
}
