import type { HealthCheckResult } from '../../../shared/contract';
import { formatTime } from '../format/labels';
import { checkTone, describeChecks, formatLatency, serviceStatusLabels } from '../stores/service-status';

/** A service's recent checks, newest first, as the strip and the latency chart draw them. */
export interface RecentChecksProps {
  history: readonly HealthCheckResult[];
  /** What the checks are of, for screen readers. */
  label: string;
  /** How many checks to draw. Default 40. */
  max?: number;
}

/**
 * One small bar per recent check, oldest on the left (as Uptime Kuma draws them), coloured by its
 * result, with the time, latency and message on hover. Empty slots on the left keep every strip the
 * same width. Screen readers get one sentence about the checks instead of `max` bars.
 */
export function HealthStrip({ history, label, max = 40 }: RecentChecksProps) {
  const shown = history.slice(0, max).reverse();
  const empty = max - shown.length;
  return (
    <div
      className="health-strip"
      role="img"
      aria-label={`${label}: ${describeChecks(history.slice(0, max), formatTime)}`}
    >
      {Array.from({ length: empty }, (_, i) => (
        <span key={`empty-${i}`} className="health-bar health-bar-empty" />
      ))}
      {shown.map((h) => (
        <span
          key={h.at}
          className={`health-bar tone-${checkTone(h.status)}`}
          title={`${formatTime(h.at)} · ${serviceStatusLabels[h.status]} · ${formatLatency(h.latencyMs)}\n${h.message}`}
        />
      ))}
    </div>
  );
}
