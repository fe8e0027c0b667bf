/**
 * What the tray shows at a glance. The health monitor will map its overall status onto this; until
 * it exists the app is always `ok`. Kept apart from tray.ts so the mapping has no Electron in it.
 */
export type TrayStatus =
  | { level: 'ok' }
  /** Something needs a look but work goes on (a breaker open, items waiting, dead letters). */
  | { level: 'degraded'; reason: string }
  /** Work has stopped (the store is not writable, a required service is down). */
  | { level: 'down'; reason: string };

export type TrayColour = 'green' | 'amber' | 'red';

function missingCase(value: never): never {
  throw new Error(`unhandled tray status: ${JSON.stringify(value)}`);
}

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
