import { StatusDot } from '../../components/StatusDot';
import { formatAgo } from '../../format/numbers';
import { formatTime } from '../../format/labels';
import { useNow } from '../../components/use-now';
import { routeHref } from '../../navigation/use-hash-route';
import { withLiveCounts } from '../../format/stage-hold';
import { asSentence, overallHeadline } from '../../stores/service-status';
import { useHealth, useOverview, useStages } from '../../stores/stores-context';
import { ErrorMessage } from '../../components/ErrorMessage';

/**
 * The one colour that sums Lifeline up (the tray's colour), with why it is not green in plain
 * sentences, worst first. Announced politely when it changes, so it is heard without being looked for.
 */
export function OverallStatus({ linkToServices }: { linkToServices: boolean }) {
  const snapshot = useHealth((s) => s.snapshot);
  const error = useHealth((s) => s.error);
  const refresh = useHealth((s) => s.refresh);
  const now = useNow(10_000);
  const stages = useStages((s) => s.stages);
  const overview = useOverview((s) => s.overview);
  if (!snapshot) {
    return error ? (
      <ErrorMessage action="Try again" onAction={() => void refresh()} quiet>
        Could not ask how the services are. {error}
      </ErrorMessage>
    ) : (
      <p className="placeholder">Checking the services…</p>
    );
  }
  const headline = overallHeadline(snapshot.overall, stages && withLiveCounts(stages, overview));
  const tone = headline.tone;
  return (
    <section className={`overall overall-${tone}`} aria-labelledby="overall-heading">
      <div className="overall-head">
        <StatusDot tone={tone} />
        <h3 id="overall-heading">
          <span className="visually-hidden">Overall status: </span>
          <span role="status">{headline.text}</span>
        </h3>
        {linkToServices && (
          <a className="overall-link" href={routeHref({ name: 'services' })}>
            See services
          </a>
        )}
      </div>
      {snapshot.reasons.length > 0 ? (
        <ul className="overall-reasons" aria-label="Why">
          {snapshot.reasons.map((r) => (
            <li key={r}>{asSentence(r)}</li>
          ))}
        </ul>
      ) : (
        <p className="overall-ok">Every service answered its last check; nothing needs you.</p>
      )}
      {snapshot.attention.newDeadLetters > 0 && (
        <p className="overall-attention">
          <a href={routeHref({ name: 'dead-letters' })}>Open Dead letters</a> to see the new ones; the status turns back
          once you have looked.
        </p>
      )}
      {snapshot.notes.length > 0 && (
        <ul className="overall-notes" aria-label="Good to know">
          {snapshot.notes.map((n) => (
            <li key={n}>{asSentence(n)}</li>
          ))}
        </ul>
      )}
      {snapshot.checkedAt && (
        <p className="overall-checked" title={formatTime(snapshot.checkedAt)}>
          Last checked {formatAgo(snapshot.checkedAt, now)}.
        </p>
      )}
    </section>
  );
}
