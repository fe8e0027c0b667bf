// The Electron main process: the only code that imports electron. The engine is the same one
// `lifeline serve` runs; this file wires it to a window, IPC and a tray.
import path from 'node:path';
import { app, BrowserWindow, dialog, Notification, powerMonitor, session } from 'electron';
import { stages as stageNames } from '../../shared/contract';
import { dispatch } from '../api/dispatch';
import { packageRoot } from '../config/app-paths';
import { openLifeline, type Lifeline } from '../lifeline';
import { installContentSecurityPolicy } from './csp';
import { contentSecurityPolicy } from './content-security-policy';
import { claimDataDir } from './data-dir';
import { stopBeforeQuit } from './graceful-quit';
import { storedAudio } from '../api/stored-audio';
import { pushEngineEvents, serveContractOverIpc, serveDesktopHelpers } from './ipc';
import { denyPermissions } from './permissions';
import { rendererLocation } from './renderer-location';
import { registerRendererScheme, serveBuiltRenderer } from './renderer-protocol';
import { DesktopNotices, type DesktopNotice } from './desktop-notices';
import { createTray, type LifelineTray } from './tray';
import { heldStagesOf, trayStatusOf } from './tray-status';
import { utilityWorkerLauncher } from './utility-worker-launcher';
import { confineNavigation, createMainWindow } from './window';

const renderer = rendererLocation(__dirname, process.env.ELECTRON_RENDERER_URL, app.isPackaged);
const resourcesDir = path.join(packageRoot(__dirname), 'resources');
const preload = path.join(__dirname, '..', 'preload', 'index.js');

registerRendererScheme();
const dataDir = claimDataDir(app);

if (!app.requestSingleInstanceLock()) {
  // Another Lifeline owns this data dir; it shows its window (second-instance below).
  app.quit();
} else {
  void start().catch((err: unknown) => {
    dialog.showErrorBox('Lifeline could not start', err instanceof Error ? err.message : String(err));
    app.exit(1);
  });
}

async function start(): Promise<void> {
  let lifeline: Lifeline;
  try {
    lifeline = openLifeline({
      dataDir,
      withEngine: true,
      processName: 'desktop',
      nativeBinding: process.env.LIFELINE_SQLITE_BINDING || undefined,
      // Stage work runs in Electron utility processes (out/main/worker.js), not Node forks via tsx.
      workerLauncher: utilityWorkerLauncher(__dirname),
    });
  } catch (err: unknown) {
    await app.whenReady();
    const message = err instanceof Error ? err.message : String(err);
    dialog.showErrorBox('Lifeline cannot open its store', `${dataDir}\n\n${message}`);
    app.exit(1);
    return;
  }
  const log = lifeline.log.child({ module: 'shell' });
  stopBeforeQuit(app, () => lifeline.close(), log);

  await app.whenReady();
  installContentSecurityPolicy(session.defaultSession, renderer);
  denyPermissions(session.defaultSession);
  serveBuiltRenderer(renderer, contentSecurityPolicy(renderer), (id) => storedAudio(lifeline.store, id));
  app.on('web-contents-created', (_event, contents) => confineNavigation(contents, renderer));
  serveContractOverIpc(lifeline, renderer);
  serveDesktopHelpers(lifeline, renderer);
  pushEngineEvents(lifeline, renderer);

  const showWindow = () => {
    const existing = BrowserWindow.getAllWindows()[0];
    if (!existing) {
      createMainWindow({ renderer, preload, icon: path.join(resourcesDir, 'icon.png') });
      return;
    }
    if (existing.isMinimized()) existing.restore();
    existing.show();
    existing.focus();
  };
  const openRoute = (route: string) => {
    showWindow();
    // The route is one of ours (desktop-notices.ts, the tray menu), never text from an item.
    void BrowserWindow.getAllWindows()[0]?.webContents.executeJavaScript(`location.hash = ${JSON.stringify(route)}`);
  };
  const setAllPaused = (paused: boolean) =>
    void dispatch(lifeline.handlers, paused ? 'stages:pauseAll' : 'stages:resumeAll', {}, log);
  const tray: LifelineTray = createTray({
    resourcesDir,
    on: {
      open: showWindow,
      quit: () => app.quit(),
      'open-dead-letters': () => openRoute('#/dead-letters'),
      'pause-all': () => setAllPaused(true),
      'resume-all': () => setAllPaused(false),
    },
  });
  app.on('second-instance', showWindow);
  app.on('activate', showWindow);
  // Closing the window leaves the engine running in the tray; only Quit stops it.
  app.on('window-all-closed', () => {});
  app.on('will-quit', () => tray.destroy());
  // The tray colour is the health monitor's overall status (damped there, so it does not flicker).
  // Paused (or stopped) stages show as paused when nothing is wrong: a pause changes the settings.
  // One read of the overview gives both the waiting counts and the dead letters.
  const updateTray = () => {
    const overview = lifeline.store.reads.overview();
    const held = heldStagesOf(lifeline.config.stages, overview.byStage);
    tray.setStatus(trayStatusOf(lifeline.health.snapshot(), held, stageNames.length), {
      allPaused: stageNames.every((stage) => lifeline.config.stages[stage].paused),
      deadLetters: overview.totals.dead,
    });
  };
  updateTray();
  lifeline.events.on('health.changed', updateTray);
  lifeline.settings.on('changed', updateTray);
  // Items change by the thousand while a folder is added: the dead-letter count follows once a second.
  let trayTimer: NodeJS.Timeout | null = null;
  lifeline.engine?.on('items.changed', () => {
    trayTimer ??= setTimeout(() => {
      trayTimer = null;
      updateTray();
    }, 1_000);
  });
  // The OS says when it sleeps: leases are extended at resume instead of a storm of false stuck
  // detections (the engine also detects the clock jump itself, for `serve` and missed events).
  powerMonitor.on('suspend', () => lifeline.engine?.noteSuspend());
  powerMonitor.on('resume', () => lifeline.engine?.noteResume());
  notifyDesktop(lifeline, openRoute);

  showWindow();
  const recovered = await lifeline.start();
  log.info({ dataDir, recovered: recovered.length, renderer: renderer.origin }, 'desktop app started');
}

/** OS notifications for new dead letters and a red status (rules in desktop-notices.ts). */
function notifyDesktop(lifeline: Lifeline, open: (route: string) => void): void {
  if (!Notification.isSupported()) return;
  const notices = new DesktopNotices(() => lifeline.config.notify);
  const show = (notice: DesktopNotice | null) => {
    if (!notice) return;
    const n = new Notification({ title: notice.title, body: notice.body });
    n.on('click', () => open(notice.route));
    n.show();
  };
  lifeline.events.on('health.changed', (h) => {
    show(notices.health(h, Date.now()));
    show(notices.attention(h, Date.now()));
  });
  setInterval(() => show(notices.flush(Date.now())), 15_000).unref();
}
