import type { HealthSnapshot, ItemState, Stage } from '../../shared/contract';
import { missingCase } from '../../shared/missing-case';
import { pausedHeadline, type HeldStage } from '../../shared/text/paused-headline';
import { stageName } from '../engine/stage-pause';

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
      // The reason is the whole headline the window shows: "Paused — 1 item waits (…)".
      return `Lifeline: ${status.reason}`;
    case 'starting':
      return `Lifeline: starting (${status.reason})`;
    default:
      return missingCase(status);
  }
}

/**
 * The health monitor's overall status as the tray shows it. "starting" has its own grey icon, neither
 * amber nor red: the startup gate is waiting for a service, nothing has failed yet. The tooltip carries the worst reason only.
 * `held` are the stages the user paused or stopped, with the items they hold: when nothing is wrong the
 * tray says paused rather than green, with what waits, since nothing moves; a problem still wins over a pause.
 */
export function trayStatusOf(
  health: Pick<HealthSnapshot, 'overall' | 'reasons'>,
  held: readonly HeldStage[] = [],
  totalStages = 4,
): TrayStatus {
  const reason = health.reasons[0] ?? '';
  switch (health.overall) {
    case 'green': {
      const paused = pausedHeadline(held, totalStages);
      return paused === null ? { level: 'ok' } : { level: 'paused', reason: paused };
    }
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

/**
 * The stages the user holds (paused, or stopped by a concurrency of 0) with the items waiting at them
 * or in line for them, from the settings and the store's counts (pure: what the tray's `held` wants).
 */
export function heldStagesOf(
  stages: Readonly<Record<Stage, { paused: boolean; concurrency: number }>>,
  counts: Partial<Record<Stage, Partial<Record<ItemState, number>>>> = {},
): HeldStage[] {
  return (Object.keys(stages) as Stage[])
    .filter((s) => stages[s].paused || stages[s].concurrency === 0)
    .map((s) => ({
      name: stageName(s),
      paused: stages[s].paused,
      items: (counts[s]?.waiting ?? 0) + (counts[s]?.queued ?? 0),
    }));
}
