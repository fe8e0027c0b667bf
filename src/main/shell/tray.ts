import path from 'node:path';
import { Menu, Tray, nativeImage } from 'electron';
import { trayIconFile, trayTooltip, type TrayStatus } from './tray-status';

export interface TrayOptions {
  /** The resources/ directory holding tray-green.png, tray-amber.png, tray-red.png (and @2x). */
  resourcesDir: string;
  onOpen(): void;
  onQuit(): void;
}

/** The tray icon; `setStatus` is the seam the health monitor drives (green, amber, red). */
export interface LifelineTray {
  setStatus(status: TrayStatus): void;
  destroy(): void;
}

export function createTray(options: TrayOptions): LifelineTray {
  const image = (status: TrayStatus) => nativeImage.createFromPath(path.join(options.resourcesDir, trayIconFile(status)));
  const initial: TrayStatus = { level: 'ok' };
  const tray = new Tray(image(initial));
  tray.setToolTip(trayTooltip(initial));
  tray.setContextMenu(
    Menu.buildFromTemplate([
      { label: 'Open Lifeline', click: () => options.onOpen() },
      { type: 'separator' },
      { label: 'Quit Lifeline', click: () => options.onQuit() },
    ]),
  );
  // Windows and most Linux trays: a click opens the window (macOS shows the menu instead).
  tray.on('click', () => options.onOpen());
  return {
    setStatus(status) {
      if (tray.isDestroyed()) return;
      tray.setImage(image(status));
      tray.setToolTip(trayTooltip(status));
    },
    destroy() {
      if (!tray.isDestroyed()) tray.destroy();
    },
  };
}
