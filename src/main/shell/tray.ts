import path from 'node:path';
import { Menu, Tray, nativeImage, type MenuItemConstructorOptions } from 'electron';
import { missingCase } from '../../shared/missing-case';
import { trayMenu, type TrayAction, type TrayMenuEntry } from './tray-menu';
import { trayIconFile, trayTooltip, type TrayStatus } from './tray-status';

export interface TrayOptions {
  /** The resources/ directory holding the tray-<state>.png icons (and @2x). */
  resourcesDir: string;
  /** What each menu entry does (tray-menu.ts says which entries there are). */
  on: Record<TrayAction, () => void>;
}

/** What the menu shows besides the status: whether everything is paused, how many dead letters. */
export interface TrayFacts {
  allPaused: boolean;
  deadLetters: number;
}

/** The tray icon; `setStatus` is the seam the health monitor drives. */
export interface LifelineTray {
  setStatus(status: TrayStatus, facts?: Partial<TrayFacts>): void;
  destroy(): void;
}

function nativeEntry(entry: TrayMenuEntry, on: TrayOptions['on']): MenuItemConstructorOptions {
  switch (entry.kind) {
    case 'status':
      return { label: entry.label, enabled: false };
    case 'separator':
      return { type: 'separator' };
    case 'action':
      return { label: entry.label, click: () => on[entry.action]() };
    default:
      return missingCase(entry);
  }
}

export function createTray(options: TrayOptions): LifelineTray {
  const image = (status: TrayStatus) =>
    nativeImage.createFromPath(path.join(options.resourcesDir, trayIconFile(status)));
  let status: TrayStatus = { level: 'ok' };
  const facts: TrayFacts = { allPaused: false, deadLetters: 0 };
  const tray = new Tray(image(status));
  const render = () => {
    tray.setImage(image(status));
    tray.setToolTip(trayTooltip(status));
    tray.setContextMenu(
      Menu.buildFromTemplate(
        trayMenu(status, facts.allPaused, facts.deadLetters).map((e) => nativeEntry(e, options.on)),
      ),
    );
  };
  render();
  // Windows and most Linux trays: a click opens the window (macOS shows the menu instead).
  tray.on('click', () => options.on.open());
  return {
    setStatus(next, more) {
      if (tray.isDestroyed()) return;
      status = next;
      Object.assign(facts, more);
      render();
    },
    destroy() {
      if (!tray.isDestroyed()) tray.destroy();
    },
  };
}
