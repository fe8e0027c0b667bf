import { stageLabels, formatTime } from '../../format/labels';
import { formatLatency } from '../../stores/service-status';
import { routeHref } from '../../navigation/use-hash-route';
import { useHealth } from '../../stores/stores-context';

const ruleLabels: Record<string, string> = {
  lease_expired: 'stopped sending heartbeats',
  max_duration: 'ran too long',
  progress_stalled: 'progress stalled',
  worker_gone: 'its worker process was gone',
  manual: 'recovered by you',
};

const outcomeLabels: Record<string, string> = {
  requeued: 'back in the queue',
  succeeded: 'output was complete',
  dead: 'became a dead letter',
  lost_race: 'had already moved on',
  failed: 'recovery failed',
};

/** Stuck work that was recovered lately: which item, why it was stuck, what was done, and how long it took. */
export function RecentRecoveries() {
  const recovery = useHealth((s) => s.recovery);
  if (!recovery) return null;
  const { last24h, recent } = recovery;
  return (
    <section className="panel" aria-labelledby="recoveries-heading">
      <h3 id="recoveries-heading">Recent recoveries</h3>
      <p className="hint">
        Last 24 hours: {last24h.recoveries} {last24h.recoveries === 1 ? 'recovery' : 'recoveries'}
        {last24h.successRate !== null && `, ${Math.round(last24h.successRate * 100)} % of them then succeeded`}
        {last24h.meanTimeToRecoveryMs !== null &&
          `, back to work after ${formatLatency(last24h.meanTimeToRecoveryMs)} on average`}
        {last24h.pending > 0 && `, ${last24h.pending} still on their way`}.
      </p>
      {recent.length === 0 ? (
        <p className="unavailable">
          No work has got stuck so far. When a stage hangs or its worker dies, Lifeline recovers it by itself and lists
          it here.
        </p>
      ) : (
        <div className="table-scroll" role="region" aria-labelledby="recoveries-caption" tabIndex={0}>
          <table>
            <caption id="recoveries-caption" className="visually-hidden">
              Recent recoveries, newest first
            </caption>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Item</th>
                <th scope="col">Stage</th>
                <th scope="col">Why</th>
                <th scope="col">What was done</th>
                <th scope="col">Result</th>
              </tr>
            </thead>
            <tbody>
              {recent.map((r) => (
                <tr key={r.id}>
                  <td className="nowrap">{formatTime(r.detectedAt)}</td>
                  <td>
                    <a href={routeHref({ name: 'item', id: r.itemId })}>Item {r.itemId}</a>
                  </td>
                  <td>{stageLabels[r.stage]}</td>
                  <td>{ruleLabels[r.rule] ?? r.rule}</td>
                  <td>{r.strategy}</td>
                  <td>{outcomeLabels[r.outcome] ?? r.outcome}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
