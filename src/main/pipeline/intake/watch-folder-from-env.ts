import path from 'node:path';
import type { Engine } from '../../engine/engine';
import type { Logger } from '../../log/logger';
import type { Store } from '../../store/store';
import { startWatchFolder, type WatchFolder } from './watch-folder';

/**
 * The engine's seam for the watch folder: when $LIFELINE_WATCH_DIR is set, the folder is watched
 * from the moment the engine starts until the returned stop is called. (A settings value will take
 * the same path when settings exist.)
 */
export function watchFolderWhileEngineRuns(engine: Engine, store: Store, env: NodeJS.ProcessEnv, log: Logger): () => Promise<void> {
  const dir = env.LIFELINE_WATCH_DIR?.trim();
  if (!dir) return () => Promise.resolve();
  let watcher: WatchFolder | null = null;
  let stopped = false;
  engine.once('started', () => {
    if (stopped) return;
    watcher = startWatchFolder({
      dir: path.resolve(dir),
      queue: engine.queue,
      reads: store.reads,
      log,
      onAdded: () => {
        engine.changed();
        engine.wake();
      },
    });
  });
  return async () => {
    stopped = true;
    await watcher?.stop();
  };
}
