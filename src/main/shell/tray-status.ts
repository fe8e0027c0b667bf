import type { HealthSnapshot, Stage } from '../../shared/contract';
import { missingCase } from '../../shared/missing-case';
import { heldByUserReason } from '../engine/stage-pause';

/**
 * What the tray shows at a glance, mapped from the health monitor's overall status. Kept apart from
 * tray.ts so the mapping has no Electron in it and is unit-tested.
 */
export type TrayStatus =
  | { level: 'ok' }
  /** Something needs a look but work goes on (a breaker open, items waiting, dead letters). */
  | { level: 'degraded'; reason: string }
  /** Work has stopped (the store is not writable, a required service is down). */
  | { level: 'down'; reason: string }
  /** The user paused (or stopped) stages: nothing is wrong, work waits for them. */
  | { level: 'paused'; reason: string }
  /** The startup gate waits for a service: nothing has failed yet. */
  | { level: 'starting'; reason: string };

export type TrayColour = 'green' | 'amber' | 'red' | 'paused' | 'starting';

export function trayColour(status: TrayStatus): TrayColour {
  switch (status.level) {
    case 'ok':
      return 'green';
    case 'degraded':
      return 'amber';
    case 'down':
      return 'red';
    case 'paused':
      return 'paused';
    case 'starting':
      return 'starting';
    default:
      return missingCase(status);
  }
}

/** The icon file under resources/ (Electron picks the `@2x` sibling on high-DPI screens). */
export function trayIconFile(status: TrayStatus): string {
  return `tray-${trayColour(status)}.png`;
}

export function trayTooltip(status: TrayStatus): string {
  switch (status.level) {
    case 'ok':
      return 'Lifeline: all good';
    case 'degraded':
      return `Lifeline: needs a look (${status.reason})`;
    case 'down':
      return `Lifeline: stopped working (${status.reason})`;
    case 'paused':
      return `Lifeline: paused (${status.reason})`;
    case 'starting':
      return `Lifeline: starting (${status.reason})`;
    default:
      return missingCase(status);
  }
}

/**
 * The health monitor's overall status as the tray shows it. "starting" has its own grey icon, neither
 * amber nor red: the startup gate is waiting for a service, nothing has failed yet. The tooltip carries the worst reason only.
 * `held` are the stages the user paused or stopped (their reasons): when nothing is wrong the tray
 * says paused rather than green, since nothing moves; a problem still wins over a pause.
 */
export function trayStatusOf(
  health: Pick<HealthSnapshot, 'overall' | 'reasons'>,
  held: readonly string[] = [],
): TrayStatus {
  const reason = health.reasons[0] ?? '';
  switch (health.overall) {
    case 'green':
      return held.length > 0 ? { level: 'paused', reason: pausedReason(held) } : { level: 'ok' };
    case 'starting':
      return { level: 'starting', reason: reason || 'waiting for its services' };
    case 'amber':
      return { level: 'degraded', reason: reason || 'something needs a look' };
    case 'red':
      return { level: 'down', reason: reason || 'a required service is down' };
    default:
      return missingCase(health.overall);
  }
}

/** "Transcribe is paused by you", or "every stage is paused by you" when all four are. */
function pausedReason(held: readonly string[]): string {
  return held.length >= 4 && held.every((h) => h.endsWith('is paused by you'))
    ? 'every stage is paused by you'
    : held.join('; ');
}

/** The stages the user holds, with why, from the settings (pure: what the tray's `held` wants). */
export function heldStagesOf(stages: Readonly<Record<Stage, { paused: boolean; concurrency: number }>>): string[] {
  return (Object.keys(stages) as Stage[])
    .map((s) => heldByUserReason(s, stages[s]))
    .filter((r): r is string => r !== null);
}
