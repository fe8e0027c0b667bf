import type {
  BreakerInfo,
  HealthCheckResult,
  OverallStatus,
  ServiceHealth,
  ServiceStatus,
} from '../../../shared/contract';
import type { StageInfo } from '../../../shared/contract';
import { missingCase } from '../../../shared/missing-case';
import { formatElapsed } from '../../../shared/text/format-elapsed';
import { pausedHeadline } from '../../../shared/text/paused-headline';
import { stageLabels } from '../format/labels';
import { formatCount, plural } from '../format/numbers';
import { heldItems } from '../format/stage-hold';

/** The colour a status is shown in: green, amber, red, or grey for benign states. */
export type Tone = 'good' | 'warn' | 'bad' | 'muted';

export function overallTone(overall: OverallStatus): Tone {
  switch (overall) {
    case 'green':
      return 'good';
    case 'amber':
      return 'warn';
    case 'red':
      return 'bad';
    case 'starting':
      return 'muted';
    default:
      return missingCase(overall);
  }
}

export const overallHeadlines: Record<OverallStatus, string> = {
  green: 'Everything is working',
  amber: 'Working, with problems',
  red: 'Something needs attention',
  starting: 'Starting',
};

/**
 * The overall status as a headline with its colour. Nothing wrong but stages held by the user is not
 * "Everything is working": nothing moves there, so it says "Paused — 1 item waits (…)" in grey, as the
 * tray does; a problem still wins over a pause (its reasons are listed below the headline), and says
 * how many items it holds. `short` is for a dot beside a link: the state without counts.
 */
export function overallHeadline(
  overall: OverallStatus,
  stages: readonly StageInfo[] | null,
): { text: string; short: string; tone: Tone } {
  if (overall === 'green' && stages) {
    const held = stages
      .filter((s) => s.heldBy !== null)
      .map((s) => ({ name: stageLabels[s.stage], paused: s.paused, items: heldItems(s) }));
    const paused = pausedHeadline(held, stages.length, formatCount);
    if (paused !== null) return { text: paused, short: 'Paused', tone: 'muted' };
  }
  // A problem that holds items (a full disk, an open breaker) says how many wait; its reasons follow.
  const held =
    overall === 'red' || overall === 'amber'
      ? (stages ?? []).filter((s) => s.heldBy !== null || s.blockedBy !== null)
      : [];
  const items = held.reduce((sum, s) => sum + heldItems(s), 0);
  const waits = items > 0 ? ` — ${plural(items, 'item')} ${items === 1 ? 'waits' : 'wait'}` : '';
  return { text: `${overallHeadlines[overall]}${waits}`, short: overallHeadlines[overall], tone: overallTone(overall) };
}

/** A service's colour: red when it needs the user or a required service is down, amber when an optional one is down or it struggles. */
export function serviceTone(s: Pick<ServiceHealth, 'status' | 'required' | 'needsYou'>): Tone {
  if (s.needsYou) return 'bad';
  switch (s.status) {
    case 'down':
      return s.required ? 'bad' : 'warn';
    case 'degraded':
      return 'warn';
    case 'up':
    case 'idle':
      return 'good';
    case 'disabled':
    case 'paused':
    case 'starting':
    case 'unknown':
      return 'muted';
    default:
      return missingCase(s.status);
  }
}

/** The tone of one health check in a history strip (not damped: every failed check shows). */
export function checkTone(status: ServiceStatus): Tone {
  return serviceTone({ status, required: true, needsYou: false });
}

export const serviceStatusLabels: Record<ServiceStatus, string> = {
  up: 'Working',
  degraded: 'Struggling',
  down: 'Down',
  disabled: 'Switched off',
  paused: 'Paused by you',
  idle: 'Idle',
  starting: 'Starting',
  unknown: 'Not checked yet',
};

const toneRank: Record<Tone, number> = { bad: 0, warn: 1, muted: 2, good: 3 };

/** Services that need the user first, then red, amber, grey and green ones; otherwise as the engine lists them. */
export function orderServices<S extends Pick<ServiceHealth, 'status' | 'required' | 'needsYou'>>(
  services: readonly S[],
): S[] {
  return services
    .map((s, i) => ({ s, i }))
    .sort(
      (a, b) =>
        Number(b.s.needsYou) - Number(a.s.needsYou) ||
        toneRank[serviceTone(a.s)] - toneRank[serviceTone(b.s)] ||
        a.i - b.i,
    )
    .map(({ s }) => s);
}

/** The breaker list with one breaker replaced (or added) by a pushed change. */
export function withBreaker(list: readonly BreakerInfo[], changed: BreakerInfo): BreakerInfo[] {
  const i = list.findIndex((b) => b.name === changed.name);
  if (i < 0) return [...list, changed];
  const next = [...list];
  next[i] = changed;
  return next;
}

/** Time left until `until`, as "1:05" (or "0:00" once it has passed); null without a time. */
export function countdown(until: string | null, now: number): string | null {
  if (until === null) return null;
  const t = new Date(until).getTime();
  if (Number.isNaN(t)) return null;
  const s = Math.max(0, Math.ceil((t - now) / 1000));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/** A one-line account of a service's recent checks, for screen readers: "40 checks, 38 fine, 2 failed; the last failed at …". */
export function describeChecks(history: readonly HealthCheckResult[], formatTime: (iso: string) => string): string {
  if (history.length === 0) return 'No checks yet';
  const failed = history.filter((h) => h.status === 'down' || h.status === 'degraded');
  const starting = history.filter((h) => h.status === 'starting').length;
  const parts = [
    `${history.length} recent ${history.length === 1 ? 'check' : 'checks'}`,
    `${history.length - failed.length - starting} fine`,
    `${failed.length} failed`,
  ];
  if (starting > 0) parts.push(`${starting} while starting`);
  const lastFailed = failed[0];
  const text = parts.join(', ');
  return lastFailed ? `${text}; the last failure at ${formatTime(lastFailed.at)}: ${lastFailed.message}` : text;
}

/** Milliseconds as a person reads them: "0.4 ms", "35 ms", "2.1 s", "3 min" (the engine's sentences use the same). */
export function formatLatency(ms: number | null): string {
  return ms === null ? '–' : formatElapsed(ms);
}

/** What the uptime figure means, for its tooltip. */
export const uptimeHint = 'Share of recent checks that did not fail (checks while starting are left out)';

/** 99.5 → "99.5 %", 100 → "100 %"; null → "–". */
export function formatPercent(p: number | null): string {
  if (p === null) return '–';
  return `${p >= 99.95 || p === Math.round(p) ? Math.round(p) : p.toFixed(1)} %`;
}

/** "test ASR is down: refused" → "Test ASR is down: refused." */
export function asSentence(text: string): string {
  const t = text.trim();
  if (t === '') return '';
  const capital = t.charAt(0).toUpperCase() + t.slice(1);
  return /[.!?)]$/.test(capital) ? capital : `${capital}.`;
}
