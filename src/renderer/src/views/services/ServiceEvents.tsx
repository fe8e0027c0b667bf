import type { ServiceEventInfo } from '../../../../shared/contract';
import { formatTime } from '../../format/labels';

const typeLabels: Record<string, string> = {
  breaker_open: 'Breaker opened',
  breaker_half_open: 'Breaker half-open: testing with one item',
  breaker_closed: 'Breaker closed',
  auto_recovery_ran: 'Recovery ran',
  auto_recovery_failed: 'Recovery did not bring it back',
  auto_recovery_gave_up: 'Automatic recovery gave up: needs you',
};

const actorLabels: Record<ServiceEventInfo['actor'], string> = {
  engine: 'engine',
  user: 'you',
  recovery: 'automatic',
  health: 'health check',
};

/** A service's recent breaker transitions and recovery runs, newest first. */
export function ServiceEvents({ events }: { events: readonly ServiceEventInfo[] }) {
  if (events.length === 0)
    return <p className="unavailable">Nothing has happened to this service yet: no breaker trips, no recovery runs.</p>;
  return (
    <ol className="service-events">
      {events.map((e) => (
        <li key={e.id}>
          <time dateTime={e.at}>{formatTime(e.at)}</time>{' '}
          <strong>{typeLabels[e.type] ?? e.type.replace(/_/g, ' ')}</strong>{' '}
          <span className="hint-inline">({actorLabels[e.actor]})</span>
          {e.detail && <span className="service-event-detail">{e.detail}</span>}
        </li>
      ))}
    </ol>
  );
}
