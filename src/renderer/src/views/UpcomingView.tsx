import { useEffect } from 'react';
import type { UpcomingList } from '../../../shared/contract';
import { ErrorMessage } from '../components/ErrorMessage';
import { upcomingHeadings } from '../format/upcoming-when';
import { useUpcoming } from '../stores/stores-context';
import { UpcomingLine } from './upcoming/UpcomingLine';

function summary(list: UpcomingList | null, status: string): string {
  if (!list) return status === 'error' ? 'Upcoming could not be loaded.' : 'Loading…';
  const count = (b: string) => list.groups.find((g) => g.bucket === b)?.total ?? 0;
  const all = list.groups.reduce((n, g) => n + g.total, 0);
  if (all === 0) return 'Nothing coming up';
  const parts = [`${count('today')} today`, `${count('week')} this week`];
  if (count('overdue') > 0) parts.unshift(`${count('overdue')} overdue`);
  return parts.join(', ');
}

/**
 * Upcoming: the to-dos and events of every recording by their date (overdue, today, this week,
 * later, to-dos without a date), each with a Done tick and a link to where it was said.
 */
export function UpcomingView() {
  const show = useUpcoming((s) => s.show);
  const list = useUpcoming((s) => s.list);
  const status = useUpcoming((s) => s.status);
  const error = useUpcoming((s) => s.error);
  const actionError = useUpcoming((s) => s.actionError);
  const dismiss = useUpcoming((s) => s.dismiss);
  const load = useUpcoming((s) => s.load);

  useEffect(() => show(), [show]);

  const groups = list?.groups.filter((g) => g.total > 0) ?? [];
  return (
    <section className="view view-upcoming" aria-labelledby="view-heading">
      <header className="view-header">
        <h2 id="view-heading" tabIndex={-1}>
          Upcoming
        </h2>
      </header>
      <p role="status" className="memories-summary">
        {summary(list, status)}
      </p>
      {error && (
        <ErrorMessage action="Try again" onAction={() => void load()}>
          {error}
        </ErrorMessage>
      )}
      {actionError && (
        <ErrorMessage action="Dismiss" onAction={dismiss} quiet>
          {actionError}
        </ErrorMessage>
      )}
      {list && groups.length === 0 && (
        <div className="empty">
          <p>
            To-dos and events appear here by their date once a recording mentions them. Tick one Done when it is done.
          </p>
        </div>
      )}
      {groups.map((g) => (
        <section
          key={g.bucket}
          className={`upcoming-group upcoming-group-${g.bucket}`}
          aria-labelledby={`upcoming-${g.bucket}`}
        >
          <h3 id={`upcoming-${g.bucket}`}>
            {upcomingHeadings[g.bucket]} <span className="upcoming-count">{g.total}</span>
          </h3>
          <ol className="memory-list" aria-label={upcomingHeadings[g.bucket]}>
            {g.entries.map((e) => (
              <UpcomingLine key={e.memoryId} entry={e} />
            ))}
          </ol>
          {g.total > g.entries.length && (
            <p className="hint">
              {g.total - g.entries.length} more not shown (the CLI lists them: lifeline upcoming --limit N).
            </p>
          )}
        </section>
      ))}
    </section>
  );
}
