import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import type { ChannelName, RequestOf, ResponseOf, Result } from '../shared/contract';
import { createHandlers, type Handlers } from './api/handlers';
import { dispatch } from './api/dispatch';
import { loadConfig, type EngineConfig } from './config/config';
import { dataPaths, type DataPaths } from './config/data-dir';
import { Engine } from './engine/engine';
import { createLogger, type Logger } from './log/logger';
import { RecordingSessions } from './pipeline/intake/recording-sessions';
import { WatchFolder } from './pipeline/intake/watch-folder';
import { pipelineStages } from './pipeline/pipeline-stages';
import { ownerId } from './recovery/process-alive';
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
  clock: Clock;
  /** Tell UIs and the engine about a write made outside the contract's handlers (an upload). */
  afterWrite(): void;
  /** Intake news for UIs (pushed as `intake.changed`), next to the engine's item events. */
  intakeEvents: EventEmitter<{ 'intake.changed': [] }>;
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
  const queue = engine?.queue ?? new Queue(store.queue, { stageOrder: stages, policies: config.stages, clock });
  const afterWrite = () => {
    engine?.changed();
    engine?.wake();
  };
  const recordings = new RecordingSessions({
    recordings: store.recordings,
    files: store.files,
    queue,
    paths,
    clock,
    log,
    owner: engine?.owner ?? ownerId(clock.now()),
    afterWrite,
  });
  // The watch folder is set by LIFELINE_WATCH_DIR until the settings screen owns it.
  const env = options.env ?? process.env;
  const intakeEvents = new EventEmitter<{ 'intake.changed': [] }>();
  const watchFolder =
    engine && env.LIFELINE_WATCH_DIR
      ? new WatchFolder({
          dir: env.LIFELINE_WATCH_DIR,
          queue,
          watched: store.watched,
          clock,
          log,
          afterWrite,
          onStatusChange: () => intakeEvents.emit('intake.changed'),
        })
      : null;
  const handlers = createHandlers({ store, queue, clock, recordings, watchFolder, afterWrite });
  // Recordings a crashed process never finished become items now; later, sessions whose page went
  // away are found within a minute of going silent for two.
  let sweep: NodeJS.Timeout | undefined;
  if (engine) {
    void recordings.recoverAbandoned();
    watchFolder?.start();
    sweep = setInterval(() => void recordings.recoverAbandoned(), 60_000);
    sweep.unref();
  }
  let closed = false;
  return {
    paths,
    config,
    store,
    queue,
    engine,
    handlers,
    log,
    clock,
    afterWrite,
    intakeEvents,
    call: (channel, request) => dispatch(handlers, channel, request, log) as never,
    async close(graceMs) {
      if (closed) return;
      closed = true;
      clearInterval(sweep);
      watchFolder?.stop();
      await engine?.stop(graceMs);
      store.close();
      log.flush();
    },
  };
}
