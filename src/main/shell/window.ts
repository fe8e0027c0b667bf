import { BrowserWindow, type WebContents } from 'electron';
import { isRendererUrl, type RendererLocation } from './renderer-location';

export interface MainWindowOptions {
  renderer: RendererLocation;
  /** The built preload (out/preload/index.js). */
  preload: string;
  /** Window icon (Linux and Windows). */
  icon: string;
}

/**
 * The one window: isolated, sandboxed, no Node in the page; only the preload's typed API reaches
 * main. Shown once painted, so it never flashes white.
 */
export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const win = new BrowserWindow({
    title: 'Lifeline',
    width: 1200,
    height: 800,
    minWidth: 720,
    minHeight: 480,
    show: false,
    icon: options.icon,
    webPreferences: {
      preload: options.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  win.once('ready-to-show', () => win.show());
  void win.loadURL(options.renderer.entryUrl);
  return win;
}

/** Applied to every web contents the app creates: no new windows, no navigation away from our renderer, no <webview>. */
export function confineNavigation(contents: WebContents, renderer: RendererLocation): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (event, url) => {
    if (!isRendererUrl(renderer, url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isRendererUrl(renderer, url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}
