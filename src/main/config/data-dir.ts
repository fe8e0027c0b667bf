import os from 'node:os';
import path from 'node:path';

/**
 * Where Lifeline keeps its store. The same place Electron's `app.getPath('userData')` would be for an
 * app named "Lifeline", so the desktop app, the CLI and `lifeline serve` share one store.
 * Order: explicit flag, then LIFELINE_DATA_DIR, then the OS app-data dir.
 */
export function resolveDataDir(
  flag?: string,
  env: NodeJS.ProcessEnv = process.env,
  platform = process.platform,
): string {
  if (flag) return path.resolve(flag);
  if (env.LIFELINE_DATA_DIR) return path.resolve(env.LIFELINE_DATA_DIR);
  const home = os.homedir();
  switch (platform) {
    case 'darwin':
      return path.join(home, 'Library', 'Application Support', 'Lifeline');
    case 'win32':
      return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Lifeline');
    default:
      return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'Lifeline');
  }
}

/** Fixed layout inside the data dir. */
export function dataPaths(dataDir: string) {
  return {
    dataDir,
    database: path.join(dataDir, 'lifeline.db'),
    audio: path.join(dataDir, 'audio'),
    logs: path.join(dataDir, 'logs'),
    tmp: path.join(dataDir, 'tmp'),
  };
}
export type DataPaths = ReturnType<typeof dataPaths>;
