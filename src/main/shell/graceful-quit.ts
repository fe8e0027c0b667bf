import type { App } from 'electron';
import type { Logger } from '../log/logger';

/**
 * Holds every quit (menu, tray, Cmd+Q, SIGINT/SIGTERM, the OS) until `stop` has finished: the engine
 * takes no new work, running jobs get their grace period and the rest are released for next start.
 * A second quit while stopping waits for the same stop.
 */
export function stopBeforeQuit(app: App, stop: () => Promise<void>, log: Logger): void {
  let phase: 'running' | 'stopping' | 'stopped' = 'running';
  app.on('before-quit', (event) => {
    if (phase === 'stopped') return;
    event.preventDefault();
    if (phase === 'stopping') return;
    phase = 'stopping';
    log.info('quitting: stopping the engine');
    stop()
      .catch((err: unknown) => log.error({ err }, 'stopping the engine failed; quitting anyway'))
      .finally(() => {
        phase = 'stopped';
        app.quit();
      });
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => app.quit());
}
