import { trayTooltip, type TrayStatus } from './tray-status';

/** What the tray menu can ask for; tray.ts maps each to a callback. */
export type TrayAction = 'pause-all' | 'resume-all' | 'open-dead-letters' | 'open' | 'quit';

export type TrayMenuEntry =
  /** The status line: not clickable, says the worst reason. */
  { kind: 'status'; label: string } | { kind: 'action'; action: TrayAction; label: string } | { kind: 'separator' };

/**
 * The tray menu for a status, without Electron (tray.ts builds the native menu from it), so what a
 * person sees in it is unit-tested: the status line first, then the one pause action that applies.
 */
export function trayMenu(status: TrayStatus, allPaused: boolean, deadLetters: number): TrayMenuEntry[] {
  const entries: TrayMenuEntry[] = [
    { kind: 'status', label: trayTooltip(status) },
    { kind: 'separator' },
    allPaused
      ? { kind: 'action', action: 'resume-all', label: 'Resume all' }
      : { kind: 'action', action: 'pause-all', label: 'Pause all' },
    {
      kind: 'action',
      action: 'open-dead-letters',
      label: deadLetters > 0 ? `Open dead letters (${deadLetters.toLocaleString('en-US')})` : 'Open dead letters',
    },
    { kind: 'action', action: 'open', label: 'Open Lifeline' },
    { kind: 'separator' },
    { kind: 'action', action: 'quit', label: 'Quit Lifeline' },
  ];
  return entries;
}
