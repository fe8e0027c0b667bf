import fs from 'node:fs';
import type { ChannelName, RequestOf, ResponseOf, Result } from '../shared/contract';
import { createHandlers, type Handlers } from './api/handlers';
import { dispatch } from './api/dispatch';
import { loadConfig, type EngineConfig } from './config/config';
import { dataPaths, type DataPaths } from './config/data-dir';
import { Engine } from './engine/engine';
import { createLogger, type Logger } from './log/logger';
import { watchFolderWhileEngineRuns } from './pipeline/intake/watch-folder-from-env';
import { pipelineStages } from './pipeline/pipeline-stages';
import { Queue } from './queue/queue';
import { stages } from '../shared/contract';
import { openStore, type Store } from './store/store';
import { systemClock, type Clock } from './time/clock';

export interface LifelineOptions {
  dataDir: string;
  /** Run the engine (serve, desktop). The CLI's one-shot commands only read and write the store. */
  withEngine: boolean;
  /** Names the process in the log. */
  processName: string;
  env?: NodeJS.ProcessEnv;
  clock?: Clock;
  nativeBinding?: string;
}

/** The composition root: store, queue rules, engine and API handlers for one data dir. */
export interface Lifeline {
  paths: DataPaths;
  config: EngineConfig;
  store: Store;
  queue: Queue;
  engine: Engine | null;
  handlers: Handlers;
  log: Logger;
  call<C extends ChannelName>(channel: C, request: RequestOf<C>): Promise<Result<ResponseOf<C>>>;
  close(graceMs?: number): Promise<void>;
}

export function openLifeline(options: LifelineOptions): Lifeline {
  const paths = dataPaths(options.dataDir);
  fs.mkdirSync(paths.dataDir, { recursive: true });
  const config = loadConfig(options.env ?? process.env);
  const clock = options.clock ?? systemClock;
  const log = createLogger(paths.logs, options.processName);
  const store = openStore(paths, { nativeBinding: options.nativeBinding });
  const engine = options.withEngine ? new Engine({ store, paths, config, clock, log, stages: pipelineStages(store, { env: options.env }) }) : null;
  const stopWatching = engine ? watchFolderWhileEngineRuns(engine, store, options.env ?? process.env, log) : () => Promise.resolve();
  const queue = engine?.queue ?? new Queue(store.queue, { stageOrder: stages, policies: config.stages, clock });
  const handlers = createHandlers({
    store,
    queue,
    clock,
    afterWrite: () => {
      engine?.changed();
      engine?.wake();
    },
  });
  let closed = false;
  return {
    paths,
    config,
    store,
    queue,
    engine,
    handlers,
    log,
    call: (channel, request) => dispatch(handlers, channel, request, log) as never,
    async close(graceMs) {
      if (closed) return;
      closed = true;
      await stopWatching();
      await engine?.stop(graceMs);
      store.close();
      log.flush();
    },
  };
}
