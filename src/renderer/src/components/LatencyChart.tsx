import type { RecentChecksProps } from './HealthStrip';
import { formatLatency } from '../stores/service-status';
import { Sparkline, sparklineTop } from './Sparkline';

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** How long a service took to answer its recent checks (newest first in `history`), as a line over time. */
export function LatencyChart({ history, label, max = 40 }: RecentChecksProps) {
  const recent = history.slice(0, max);
  const values = [...recent].reverse().map((h) => h.latencyMs);
  const known = values.filter((v): v is number => v !== null);
  if (known.length === 0) return <p className="chart-empty">No response times yet.</p>;
  if (known.length === 1) return <p className="chart-empty">One check so far: {formatLatency(known[0]!)}.</p>;
  const summary = `${label} over the last ${recent.length} checks: latest ${formatLatency(recent[0]?.latencyMs ?? null)}, typical ${formatLatency(median(known))}, slowest ${formatLatency(Math.max(...known))}`;
  return (
    <figure className="latency-chart">
      <span className="chart-axis" aria-hidden="true">
        {formatLatency(sparklineTop(values))}
      </span>
      <Sparkline values={values} label={summary} className="sparkline-latency" />
      <figcaption className="chart-caption">
        latest {formatLatency(recent[0]?.latencyMs ?? null)} · typical {formatLatency(median(known))}
      </figcaption>
    </figure>
  );
}
