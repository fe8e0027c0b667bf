import { stages as allStages, type BreakerInfo, type Stage } from '../../../../shared/contract';
import { useNow } from '../../components/use-now';
import { formatTime, stageLabels } from '../../format/labels';
import { formatCount, plural } from '../../format/numbers';
import { countdown } from '../../stores/service-status';
import { useOverview } from '../../stores/stores-context';

const stateLabels: Record<BreakerInfo['state'], string> = {
  closed: 'Closed',
  open: 'Open',
  half_open: 'Half-open',
};

const stateExplanations: Record<BreakerInfo['state'], string> = {
  closed: 'calls go through as usual.',
  open: 'calls are held back so a failing service is not hammered; its items wait, spending no attempts, while it is checked again every few seconds.',
  half_open: 'one item is testing the service; if it works the breaker closes and the rest go on.',
};

function Countdown({ openUntil }: { openUntil: string }) {
  const now = useNow();
  const left = countdown(openUntil, now);
  const passed = new Date(openUntil).getTime() <= now;
  return (
    <p className="breaker-countdown">
      {passed ? (
        <>Trying one item now…</>
      ) : (
        <>
          Tries again in{' '}
          <strong className="countdown" aria-label={`${left} (minutes:seconds)`}>
            {left}
          </strong>{' '}
          <span className="hint-inline">(at {formatTime(openUntil)})</span>
        </>
      )}
    </p>
  );
}

/** A service's circuit breaker: its state, when it tries again, why it opened, and what waits on it. */
export function BreakerDetails({ breaker, serviceMessage }: { breaker: BreakerInfo; serviceMessage: string }) {
  const own = allStages.filter((st: Stage) => breaker.stages.includes(st));
  const waiting = useOverview((s) => own.reduce((sum, st) => sum + (s.overview?.byStage[st]?.waiting ?? 0), 0));
  const stages = own.map((s) => stageLabels[s]).join(', ');
  return (
    <div className={`breaker breaker-${breaker.state}`}>
      <p className="breaker-state">
        <span className={`breaker-badge breaker-badge-${breaker.state}`}>Breaker {stateLabels[breaker.state]}</span>{' '}
        <span className="hint-inline">{stateExplanations[breaker.state]}</span>
      </p>
      {breaker.state === 'open' && breaker.openUntil && <Countdown openUntil={breaker.openUntil} />}
      {/* The service's own message usually quotes the reason already ("circuit open: …"). */}
      {breaker.state !== 'closed' && breaker.reason && !serviceMessage.includes(breaker.reason) && (
        <p className="breaker-reason">Why: {breaker.reason}</p>
      )}
      <p className="breaker-facts">
        {[
          breaker.consecutiveFailures > 0 ? `${plural(breaker.consecutiveFailures, 'failure')} in a row` : null,
          breaker.reopenings > 0
            ? `opened ${plural(breaker.reopenings, 'time')} without closing (each doubles the wait)`
            : null,
          breaker.since ? `${stateLabels[breaker.state].toLowerCase()} since ${formatTime(breaker.since)}` : null,
        ]
          .filter(Boolean)
          .join(' · ')}
      </p>
      {waiting > 0 && (
        <p className="breaker-waiting">
          {formatCount(waiting)} {waiting === 1 ? 'item waits' : 'items wait'} at {stages}
          {breaker.state === 'closed' ? '.' : ' until this service works again; nothing is lost.'}
        </p>
      )}
    </div>
  );
}
