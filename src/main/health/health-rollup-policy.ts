import { missingCase } from '../../shared/missing-case';
import { oneLevelOfParentheses } from '../../shared/text/one-level-of-parentheses';
import type { AttentionSentences } from './attention-policy';

/**
 * From probe results to what the user sees: each service's status (damped, so one slow answer does
 * not flash the tray) and one overall colour with its reasons as sentences.
 */

/**
 * What one probe found. `disabled`, `paused` and `idle` are benign: never amber or red. `starting`
 * (workers within their start-up window) is benign too, and left out of uptime altogether.
 */
export type ProbeStatus = 'up' | 'degraded' | 'down' | 'disabled' | 'paused' | 'idle' | 'starting';

/** What a service shows: a probe status once damping lets it through, `unknown` before any result. */
export type ServiceStatus = ProbeStatus | 'unknown';

export type OverallStatus = 'green' | 'amber' | 'red' | 'starting';

export interface ProbeResult {
  status: ProbeStatus;
  /** One sentence: what was measured or what is wrong. */
  message: string;
  latencyMs: number | null;
  at: number;
  /**
   * The failure is certain (the store refused a write, a breaker opened, the disk is full): shown
   * at once. Otherwise a failure shows only after `failuresBeforeAlert` in a row.
   */
  explicit?: boolean;
}

export interface DampedStatus {
  shown: ServiceStatus;
  /** Failed probes in a row (degraded or down). */
  failures: number;
}

const failing = (s: ProbeStatus) => s === 'degraded' || s === 'down';

export function dampStatus(prev: DampedStatus, result: ProbeResult, failuresBeforeAlert: number): DampedStatus {
  if (!failing(result.status)) return { shown: result.status, failures: 0 };
  const failures = prev.failures + 1;
  if (result.explicit || failures >= failuresBeforeAlert) return { shown: result.status, failures };
  return { shown: prev.shown, failures };
}

export interface ServiceView {
  name: string;
  label: string;
  required: boolean;
  status: ServiceStatus;
  message: string;
  /** Auto-recovery gave up: only the user can fix it. */
  needsYou: boolean;
}

export interface Rollup {
  overall: OverallStatus;
  /** Why the colour is not green, worst first; empty when green. */
  reasons: string[];
  /** Benign states worth knowing (paused, disabled, starting), never affecting the colour. */
  notes: string[];
}

/**
 * The overall status, which speaks of services and the engine. Red: a required service is down, or
 * a service needs the user. Amber: an optional service is down, something is degraded, or new dead
 * letters wait to be seen (`attention`); an item's own error never makes it red. Benign states
 * (paused, disabled, starting, dead letters already seen) only add notes. During the startup gate
 * the status is `starting` with what it waits for.
 */
export function rollUp(
  services: readonly ServiceView[],
  waitingFor: readonly string[] = [],
  attention: AttentionSentences = { reason: null, note: null },
): Rollup {
  const red: string[] = [];
  const amber: string[] = [];
  const notes: string[] = [];
  for (const s of services) {
    if (s.needsYou) {
      red.push(`${s.label} needs you: automatic recovery gave up (${s.message})`);
      continue;
    }
    switch (s.status) {
      case 'down':
        (s.required ? red : amber).push(`${s.label} is down: ${s.message}`);
        break;
      case 'degraded':
        amber.push(`${s.label}: ${s.message}`);
        break;
      case 'paused':
      case 'disabled':
      case 'starting':
        notes.push(`${s.label}: ${s.message}`);
        break;
      case 'up':
      case 'idle':
      case 'unknown':
        break;
      default:
        return missingCase(s.status);
    }
  }
  if (attention.reason) amber.push(attention.reason);
  if (attention.note) notes.push(attention.note);
  return flattened(decide(red, amber, notes, waitingFor));
}

/** Reasons quote services' messages, which quote their causes: one level of parentheses is enough. */
function flattened(r: Rollup): Rollup {
  return {
    overall: r.overall,
    reasons: r.reasons.map(oneLevelOfParentheses),
    notes: r.notes.map(oneLevelOfParentheses),
  };
}

function decide(red: string[], amber: string[], notes: string[], waitingFor: readonly string[]): Rollup {
  if (waitingFor.length > 0)
    return {
      overall: 'starting',
      reasons: [`starting: waiting for ${waitingFor.join(', ')}`, ...red, ...amber],
      notes,
    };
  if (red.length > 0) return { overall: 'red', reasons: [...red, ...amber], notes };
  if (amber.length > 0) return { overall: 'amber', reasons: amber, notes };
  return { overall: 'green', reasons: [], notes };
}

/**
 * Share of results that were not failures, in percent; null without results. Results taken while the
 * service was starting are neither up nor down, so they are left out: a start never lowers uptime.
 */
export function uptimePercent(results: readonly { status: ProbeStatus }[]): number | null {
  const measured = results.filter((r) => r.status !== 'starting');
  if (measured.length === 0) return null;
  const ok = measured.filter((r) => !failing(r.status)).length;
  return (100 * ok) / measured.length;
}
