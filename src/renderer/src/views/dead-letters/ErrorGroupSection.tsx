import { useState } from 'react';
import type { ErrorGroup } from '../../../../shared/contract';
import { errorHint } from '../../format/error-hints';
import { formatTime, stageLabels } from '../../format/labels';
import { formatCount } from '../../format/numbers';
import { ActionButton } from '../../components/ActionButton';
import { retryWillFailAgain } from '../../format/error-actions';
import { allLabel, allName, retryAnywayLabel, retryAnywayQuestion } from '../../format/retry-wording';
import { useDeadLetters, useDiscardUndo } from '../../stores/stores-context';
import { DeadLetterRow } from './DeadLetterRow';

/** One error code's dead letters: how many, what to do, the group repairs, and the items. */
export function ErrorGroupSection({ group }: { group: ErrorGroup }) {
  const list = useDeadLetters((s) => s.lists[group.code]);
  const collapsed = useDeadLetters((s) => s.collapsed[group.code] === true);
  const pending = useDeadLetters((s) => s.pending);
  const groupPending = useDeadLetters((s) => s.groupPending[group.code]);
  const retry = useDeadLetters((s) => s.retry);
  const discard = useDiscardUndo((s) => s.discard);
  const undo = useDiscardUndo((s) => s.undo);
  const discarding = useDiscardUndo((s) => s.pending);
  const retryGroup = useDeadLetters((s) => s.retryGroup);
  const discardGroup = useDeadLetters((s) => s.discardGroup);
  const toggle = useDeadLetters((s) => s.toggleGroup);
  const loadMore = useDeadLetters((s) => s.loadMore);
  const [confirming, setConfirming] = useState<'discard' | 'retry' | null>(null);
  // A retry cannot fix what is wrong with the file itself: Discard comes first, and Retry asks.
  const discardFirst = retryWillFailAgain(group.code);
  const busy = groupPending !== undefined ? `${groupPending === 'retry' ? 'Retrying' : 'Discarding'} this group` : null;
  const headingId = `group-${group.code}`;
  const count = group.count;
  const items = list?.items ?? [];

  return (
    <section className="error-group" aria-labelledby={headingId}>
      <header className="error-group-head">
        <div>
          <h3 id={headingId}>
            <code className="error-code">{group.code}</code> <span className="group-count">{formatCount(count)}</span>
          </h3>
          <p className="group-meta">
            at {group.stages.map((s) => stageLabels[s]).join(', ')} · last {formatTime(group.lastAt)}
          </p>
          <p className="hint">{errorHint(group.code)}</p>
        </div>
        <div className="group-actions">
          {confirming === 'discard' && (
            <>
              <span>{count === 1 ? 'Discard it?' : `Discard all ${formatCount(count)}?`}</span>
              <button
                type="button"
                className="button-danger"
                onClick={() => {
                  setConfirming(null);
                  void discardGroup(group.code);
                }}
              >
                {count === 1 ? 'Discard it' : `Discard ${formatCount(count)}`}
              </button>
              <button type="button" className="button-quiet" onClick={() => setConfirming(null)}>
                Keep
              </button>
            </>
          )}
          {confirming === 'retry' && (
            <>
              <span>{retryAnywayQuestion(count, count, group.code)}</span>
              <button
                type="button"
                onClick={() => {
                  setConfirming(null);
                  void retryGroup(group.code);
                }}
              >
                {retryAnywayLabel(count)}
              </button>
              <button type="button" className="button-quiet" onClick={() => setConfirming(null)}>
                Cancel
              </button>
            </>
          )}
          {confirming === null && (
            <>
              {discardFirst && (
                <ActionButton
                  disabledReason={busy}
                  onClick={() => setConfirming('discard')}
                  aria-label={allName('Discard', count, group.code)}
                >
                  {allLabel('Discard', count)}
                </ActionButton>
              )}
              <ActionButton
                className={discardFirst ? 'button-quiet' : undefined}
                disabledReason={busy}
                onClick={() => (discardFirst ? setConfirming('retry') : void retryGroup(group.code))}
                aria-label={allName('Retry', count, group.code)}
              >
                {groupPending === 'retry' ? 'Retrying…' : allLabel('Retry', count)}
              </ActionButton>
              {!discardFirst && (
                <ActionButton
                  className="button-quiet"
                  disabledReason={busy}
                  onClick={() => setConfirming('discard')}
                  aria-label={allName('Discard', count, group.code)}
                >
                  {allLabel('Discard', count)}
                </ActionButton>
              )}
              <button
                type="button"
                className="button-quiet"
                aria-expanded={!collapsed}
                aria-controls={`${headingId}-items`}
                onClick={() => toggle(group.code)}
              >
                {collapsed ? 'Show items' : 'Hide items'}
              </button>
            </>
          )}
        </div>
      </header>
      {!collapsed && (
        <div id={`${headingId}-items`}>
          {items.length > 0 && (
            <div className="table-scroll">
              <table className="dead-letters">
                <caption className="visually-hidden">Dead letters with {group.code}, newest first</caption>
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
                      discarding={discarding.some((d) => d.id === item.id)}
                      onRetry={(id) => void retry(id)}
                      onDiscard={() => discard(item)}
                      onUndo={undo}
                    />
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {list?.loading && items.length === 0 && <p className="placeholder">Loading…</p>}
          {list?.nextCursor && (
            <ActionButton
              className="button-quiet load-more"
              disabledReason={list.loading ? 'Loading more' : null}
              onClick={() => void loadMore(group.code)}
            >
              Show more ({formatCount(group.count - items.length)} not shown)
            </ActionButton>
          )}
        </div>
      )}
    </section>
  );
}
