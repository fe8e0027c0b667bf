import type { HealthSnapshot } from '../../shared/contract';
import { missingCase } from '../../shared/missing-case';

/**
 * What the tray shows at a glance, mapped from the health monitor's overall status. Kept apart from
 * tray.ts so the mapping has no Electron in it and is unit-tested.
 */
export type TrayStatus =
  | { level: 'ok' }
  /** Something needs a look but work goes on (a breaker open, items waiting, dead letters). */
  | { level: 'degraded'; reason: string }
  /** Work has stopped (the store is not writable, a required service is down). */
  | { level: 'down'; reason: string };

export type TrayColour = 'green' | 'amber' | 'red';


export function trayColour(status: TrayStatus): TrayColour {
  switch (status.level) {
    case 'ok':
      return 'green';
    case 'degraded':
      return 'amber';
    case 'down':
      return 'red';
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
    default:
      return missingCase(status);
  }
}

/**
 * The health monitor's overall status as the tray shows it. "starting" is amber, not red: the startup
 * gate is waiting for a service, nothing has failed yet. The tooltip carries the worst reason only.
 */
export function trayStatusOf(health: Pick<HealthSnapshot, 'overall' | 'reasons'>): TrayStatus {
  const reason = health.reasons[0] ?? '';
  switch (health.overall) {
    case 'green':
      return { level: 'ok' };
    case 'starting':
      return { level: 'degraded', reason: reason || 'starting' };
    case 'amber':
      return { level: 'degraded', reason: reason || 'something needs a look' };
    case 'red':
      return { level: 'down', reason: reason || 'a required service is down' };
    default:
      return missingCase(health.overall);
  }
}
