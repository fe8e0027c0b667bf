import { formatCount } from '../../format/numbers';
import { formatLatency, formatPercent } from '../../stores/service-status';
import { useMetrics } from '../../stores/stores-context';

/** How well stuck work was recovered over the last 24 hours: how often, how successfully, how fast. */
export function RecoveryFigures() {
  const recovery = useMetrics((s) => s.metrics?.recovery24h ?? null);
  return (
    <section className="panel" aria-labelledby="recovery-heading">
      <h3 id="recovery-heading">Recovery, last 24 hours</h3>
      {recovery === null ? (
        <p className="unavailable">Loading…</p>
      ) : recovery.recoveries === 0 ? (
        <p className="unavailable">No work got stuck in the last 24 hours, so nothing had to be recovered.</p>
      ) : (
        <dl className="facts">
          <div>
            <dt>Recoveries</dt>
            <dd>{formatCount(recovery.recoveries)}</dd>
          </div>
          <div>
            <dt>Success rate</dt>
            <dd>{recovery.successRate === null ? 'pending' : formatPercent(recovery.successRate * 100)}</dd>
          </div>
          <div>
            <dt>Mean time to recovery</dt>
            <dd>{formatLatency(recovery.meanTimeToRecoveryMs)}</dd>
          </div>
        </dl>
      )}
    </section>
  );
}
