import type { BreakerInfo, HealthCheckResult, ServiceEventInfo, ServiceHealth } from '../../../../shared/contract';
import { HealthStrip } from '../../components/HealthStrip';
import { LatencyChart } from '../../components/LatencyChart';
import { StatusDot } from '../../components/StatusDot';
import { useNow } from '../../components/use-now';
import { formatTime } from '../../format/labels';
import { formatAgo } from '../../format/numbers';
import {
  asSentence,
  checkTone,
  formatLatency,
  formatPercent,
  serviceStatusLabels,
  serviceTone,
  uptimeHint,
} from '../../stores/service-status';
import { useHealth } from '../../stores/stores-context';
import { BreakerDetails } from './BreakerDetails';
import { ServiceEvents } from './ServiceEvents';

/** What the service's state means, in one sentence a person can act on. */
function explanation(s: ServiceHealth): string {
  if (s.needsYou) {
    const tries = s.autoRecovery
      ? ` after ${s.autoRecovery.attempts} ${s.autoRecovery.attempts === 1 ? 'try' : 'tries'}`
      : '';
    return `Automatic recovery gave up${tries}. Fix what the message says, then press Trigger recovery (or Reset breaker).`;
  }
  switch (s.status) {
    case 'down':
      return s.required
        ? 'Lifeline cannot work without it; items that need it wait until it is back.'
        : 'Items that need it wait until it is back; the rest goes on.';
    case 'degraded':
      return 'It works, but not as it should.';
    case 'starting':
      return 'It is starting up; checks until it is ready do not count against its uptime.';
    case 'unknown':
      return 'Not checked yet: press Check now, or wait for the next round of checks.';
    default:
      return '';
  }
}

function AutoRecoveryLine({ service }: { service: ServiceHealth }) {
  const now = useNow();
  const a = service.autoRecovery;
  if (!a) return null;
  const next =
    a.nextAllowedAt && new Date(a.nextAllowedAt).getTime() > now
      ? ` · next automatic try not before ${formatTime(a.nextAllowedAt)}`
      : '';
  return (
    <p className="auto-recovery">
      Automatic recovery: {a.action}
      {a.running
        ? ' — running now…'
        : a.attempts > 0
          ? ` — ${a.attempts} of ${a.maxAttempts} tries used${next}`
          : ' — not needed so far'}
      {a.lastRunAt && <span className="hint-inline"> (last run {formatAgo(a.lastRunAt, now)})</span>}
    </p>
  );
}

export interface ServiceCardProps {
  service: ServiceHealth;
  history: readonly HealthCheckResult[];
  breaker: BreakerInfo | undefined;
  events: readonly ServiceEventInfo[];
}

/** One service: status with its reason, uptime, recent checks, response times, breaker, recovery and what happened. */
export function ServiceCard({ service: s, history, breaker, events }: ServiceCardProps) {
  const action = useHealth((st) => st.actions[s.name]);
  const resetBreaker = useHealth((st) => st.resetBreaker);
  const triggerRecovery = useHealth((st) => st.triggerRecovery);
  const now = useNow(10_000);
  const tone = serviceTone(s);
  const headingId = `service-${s.name}-name`;
  const why = explanation(s);
  const busy = action?.pending ?? false;
  return (
    <article
      className={`service-card service-${tone}${s.needsYou ? ' service-needs-you' : ''}`}
      aria-labelledby={headingId}
      data-service={s.name}
    >
      <header className="service-head">
        <StatusDot tone={tone} />
        <h3 id={headingId}>{s.label}</h3>
        <span className="service-tag">{s.required ? 'Required' : 'Optional'}</span>
        {s.needsYou && <span className="needs-you-tag">Needs you</span>}
        <span className={`service-status tone-text-${tone}`}>{serviceStatusLabels[s.status]}</span>
      </header>
      <p className="service-message">{asSentence(s.message)}</p>
      {why && <p className="service-why">{why}</p>}
      <div className="service-charts">
        <dl className="facts facts-stacked">
          <div>
            <dt>Uptime</dt>
            <dd title={uptimeHint}>{formatPercent(s.uptimePercent)}</dd>
          </div>
          <div>
            <dt>Last response</dt>
            <dd>{formatLatency(s.latencyMs)}</dd>
          </div>
          <div>
            <dt>Last checked</dt>
            <dd title={s.checkedAt ? formatTime(s.checkedAt) : undefined}>
              {s.checkedAt ? formatAgo(s.checkedAt, now) : 'never'}
            </dd>
          </div>
        </dl>
        <div>
          <h4 className="mini-heading">Recent checks</h4>
          {history.length === 0 ? (
            <p className="chart-empty">No checks yet.</p>
          ) : (
            <HealthStrip history={history} label={`${s.label}, recent checks`} max={50} />
          )}
        </div>
        <div>
          <h4 className="mini-heading">Response time</h4>
          <LatencyChart history={history} label={`${s.label} response time`} max={50} />
        </div>
      </div>
      {breaker && <BreakerDetails breaker={breaker} serviceMessage={s.message} />}
      <AutoRecoveryLine service={s} />
      {(breaker || s.autoRecovery) && (
        <div className="service-actions">
          {breaker && (
            <button
              type="button"
              className={breaker.state === 'closed' ? 'button-quiet' : undefined}
              disabled={busy || breaker.state === 'closed'}
              onClick={() => void resetBreaker(s.name)}
              aria-describedby={breaker.state === 'closed' ? `${headingId}-closed` : undefined}
            >
              Reset breaker
            </button>
          )}
          {s.autoRecovery && (
            <button
              type="button"
              className={s.needsYou ? undefined : 'button-quiet'}
              disabled={busy || s.autoRecovery.running}
              onClick={() => void triggerRecovery(s.name)}
            >
              {action?.kind === 'recover' && action.pending ? 'Recovering…' : 'Trigger recovery'}
            </button>
          )}
          {breaker?.state === 'closed' && (
            <span id={`${headingId}-closed`} className="hint-inline">
              The breaker is closed: nothing to reset.
            </span>
          )}
        </div>
      )}
      <p role="status" className={`notice${action?.failed ? ' notice-failed' : ''}`}>
        {action?.message ?? ''}
      </p>
      <div className="service-disclosures">
        <details className="service-history">
          <summary>What happened ({events.length})</summary>
          <ServiceEvents events={events} />
        </details>
        {history.length > 0 && (
          <details className="service-history">
            <summary>{history.length === 1 ? 'Last check' : `Last ${Math.min(history.length, 10)} checks`}</summary>
            <ol className="service-events">
              {history.slice(0, 10).map((h) => (
                <li key={h.at}>
                  <time dateTime={h.at}>{formatTime(h.at)}</time>{' '}
                  <strong className={`tone-text-${checkTone(h.status)}`}>{serviceStatusLabels[h.status]}</strong>{' '}
                  <span className="hint-inline">({formatLatency(h.latencyMs)})</span>
                  <span className="service-event-detail">{asSentence(h.message)}</span>
                </li>
              ))}
            </ol>
          </details>
        )}
      </div>
    </article>
  );
}
