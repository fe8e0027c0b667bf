import { Sparkline, sparklineTop } from '../../components/Sparkline';
import { formatCount, plural } from '../../format/numbers';
import { useMetrics } from '../../stores/stores-context';

/** Items finished per minute over the last hour, as a line. */
export function ThroughputPanel() {
  const metrics = useMetrics((s) => s.metrics);
  const error = useMetrics((s) => s.error);
  let body;
  if (error) body = <p className="message message-error">Could not load the throughput. {error}</p>;
  else if (!metrics) body = <p className="unavailable">Loading…</p>;
  else {
    const perMinute = metrics.throughputPerMinute.map((m) => m.itemsDone);
    const total = perMinute.reduce((a, b) => a + b, 0);
    const peak = Math.max(0, ...perMinute);
    const summary =
      total === 0
        ? 'No items finished in the last hour'
        : `${plural(total, 'item')} finished in the last hour, at most ${formatCount(peak)} in one minute`;
    body = (
      <>
        <p className="metric-line">
          <span className="metric-value">{formatCount(total)}</span> {total === 1 ? 'item' : 'items'} done in the last
          hour
          {total > 0 && <span className="metric-sub"> · peak {formatCount(peak)} a minute</span>}
        </p>
        <div className="chart-with-axis">
          <span className="chart-axis" aria-hidden="true">
            {formatCount(sparklineTop(perMinute))}/min
          </span>
          <Sparkline
            values={perMinute}
            label={`Items done per minute over the last hour: ${summary}`}
            className="sparkline-throughput"
          />
          <span className="chart-range" aria-hidden="true">
            <span>60 min ago</span>
            <span>now</span>
          </span>
        </div>
        {total === 0 && (
          <p className="hint">
            Add audio (or wait for the watch folder) and finished items show up here minute by minute.
          </p>
        )}
      </>
    );
  }
  return (
    <section className="panel" aria-labelledby="throughput-heading">
      <h3 id="throughput-heading">Throughput</h3>
      {body}
    </section>
  );
}
