import path from 'node:path';
import type { App } from 'electron';
import { resolveDataDir } from '../config/data-dir';

/**
 * Names the app and points userData at Lifeline's data dir, so the window, the CLI and `serve` share
 * one store (and the single-instance lock lives there). Must run before the app is ready: Electron
 * fixes userData from the package name at launch, and setName alone does not move it.
 * LIFELINE_DATA_DIR, when set, moves everything (tests use it to stay off the user's store).
 */
export function claimDataDir(app: App, env: NodeJS.ProcessEnv = process.env): string {
  app.setName('Lifeline');
  const dataDir = env.LIFELINE_DATA_DIR
    ? resolveDataDir(undefined, env)
    : path.join(app.getPath('appData'), 'Lifeline');
  app.setPath('userData', dataDir);
  return dataDir;
}
