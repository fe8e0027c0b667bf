import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import type { BreakerInfo, ChannelName, HealthSnapshot, RequestOf, ResponseOf, Result } from '../shared/contract';
import { createHandlers, type Handlers } from './api/handlers';
import { dispatch } from './api/dispatch';
import { toAutoRecoveryInfo } from './api/auto-recovery-info';
import { toBreakerInfo } from './api/breaker-info';
import { BreakerBoard } from './breakers/breaker-board';
import type { EngineConfig } from './config/config';
import { dataPaths, type DataPaths } from './config/data-dir';
import { SettingsService } from './settings/settings-service';
import { Engine } from './engine/engine';
import { HealthMonitor } from './health/health-monitor';
import { scheduleRetention, type RetentionSchedule } from './maintenance/retention-schedule';
import { lifelineProbes } from './health/lifeline-probes';
import { ServiceRoster } from './health/service-roster';
import { createLogger, type Logger } from './log/logger';
import { RecordingSessions } from './pipeline/intake/recording-sessions';
import { WatchFolderSwitch } from './pipeline/intake/watch-folder-switch';
import { pipelineStages } from './pipeline/pipeline-stages';
import type { StageHandler } from './engine/stage-handler';
import { nodeWorkerLauncher } from './engine/worker/node-worker-launcher';
import { definedEnv, type WorkerLauncher } from './engine/worker/worker-launcher';
import { WorkerPool } from './engine/worker/worker-pool';
import { Queue } from './queue/queue';
import { AutoRecovery } from './recovery/auto-recovery';
import { ownerId } from './recovery/process-alive';
import { RecoveryManager, type RecoveryOutcome } from './recovery/recovery-manager';
import { databaseRecoveryHandler } from './recovery/service-recovery-handlers';
import { openDatabase } from './store/database';
import { openStore, storeOn, type Store } from './store/store';
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
  /** Starts worker processes; the Electron shell passes one built on utilityProcess. Default: Node child processes. */
  workerLauncher?: WorkerLauncher;
  /** Stage handlers built in this process (availability, services, checkpoints). Default: the pipeline's. */
  stages?: (store: Store) => StageHandler[];
  /** The module and export the workers build their stages from (tests). Default: the pipeline's. */
  workerStages?: { module: string; export?: string };
}

export interface LifelineEvents {
  /** The overall status or its reasons changed: the tray listens to this. */
  'health.changed': [health: HealthSnapshot];
  /** A round of health checks finished: new history, latency and uptime (UIs showing them listen). */
  'health.checked': [health: HealthSnapshot];
  'breaker.changed': [breaker: BreakerInfo];
  /** The watch folder handled a file or changed state: UIs ask `intake:status`. */
  'intake.changed': [];
}

/** The composition root: store, settings, queue rules, engine with its recovery, breakers and health, and the API handlers. */
export interface Lifeline {
  paths: DataPaths;
  readonly config: EngineConfig;
  settings: SettingsService;
  store: Store;
  queue: Queue;
  engine: Engine | null;
  breakers: BreakerBoard;
  recovery: RecoveryManager;
  autoRecovery: AutoRecovery | null;
  health: HealthMonitor;
  handlers: Handlers;
  events: EventEmitter<LifelineEvents>;
  log: Logger;
  clock: Clock;
  /** Tells UIs and the engine about a write made outside the contract's handlers (an upload). */
  afterWrite(): void;
  /**
   * Waits for the required external services to answer at this start (startup gate; not for the
   * worker processes), recovers what was left running, starts the engine and the health checks.
   */
  start(): Promise<RecoveryOutcome[]>;
  call<C extends ChannelName>(channel: C, request: RequestOf<C>): Promise<Result<ResponseOf<C>>>;
  close(graceMs?: number): Promise<void>;
}

export function openLifeline(options: LifelineOptions): Lifeline {
  const paths = dataPaths(options.dataDir);
  fs.mkdirSync(paths.dataDir, { recursive: true });
  const env = options.env ?? process.env;
  const clock = options.clock ?? systemClock;
  const log = createLogger(paths.logs, options.processName);
  const store = openStore(paths, { nativeBinding: options.nativeBinding });
  const settings = new SettingsService(store.settings, env, clock);
  const config = () => settings.current;
  const stages = (options.stages ?? ((s: Store) => pipelineStages(s, { env })))(store);
  const stageOrder = stages.map((s) => s.stage);
  const events = new EventEmitter<LifelineEvents>();

  const engine = options.withEngine
    ? new Engine({
        store,
        paths,
        config: config(),
        clock,
        log,
        stages,
        executor:
          config().workers === 0
            ? undefined
            : () =>
                new WorkerPool({
                  launcher: options.workerLauncher ?? nodeWorkerLauncher,
                  spec: {
                    dataDir: paths.dataDir,
                    stagesModule: options.workerStages?.module,
                    stagesExport: options.workerStages?.export,
                    maxHeapMb: config().workerMaxHeapMb,
                    env: options.env && definedEnv(options.env),
                  },
                  size: config().workers,
                  clock,
                  log,
                  stopMs: config().workerStopMs,
                  pingMs: config().heartbeatMs, // idle workers answer a ping every heartbeat, or are replaced after a lease
                  answerWithinMs: config().stages.ingest.leaseMs,
                }),
      })
    : null;
  const queue = engine?.queue ?? new Queue(store.queue, { stageOrder, policies: config().stages, clock });
  const breakers = engine?.breakers ?? new BreakerBoard({ store, clock, config: () => config().breaker, log });
  for (const h of stages) if (h.service) breakers.register(h.service.name, h.service.label);
  // Breakers of services no stage calls now (another engine was chosen) still show in `lifeline breakers`.
  for (const b of store.breakers.all()) if (!breakers.has(b.name)) breakers.register(b.name, b.name);
  const recovery =
    engine?.recovery ??
    new RecoveryManager({ store, queue, owner: ownerId(clock.now()), clock, config, handlers: new Map(stages.map((s) => [s.stage, s])), kill: () => false, log });

  const health: HealthMonitor = new HealthMonitor({
    probes: lifelineProbes({ store, dataDir: paths.dataDir, clock, config, stages, engine }),
    clock,
    config: () => config().health,
    store,
    log,
    source: engine ? 'engine' : 'store',
    extras: (name) => {
      const b = breakers.has(name) ? breakers.view(name) : undefined;
      const a = autoRecovery?.status(name);
      return {
        breaker: b ? { state: b.state, openUntil: b.openUntil ? new Date(b.openUntil).toISOString() : null, reason: b.reason } : null,
        needsYou: a?.needsYou ?? false,
        autoRecovery: a ? toAutoRecoveryInfo(a) : null,
      };
    },
  });
  const lastStatus = new Map<string, string>();
  const autoRecovery = engine
    ? new AutoRecovery({
        clock,
        config: () => config().autoRecovery,
        serviceEvents: store.serviceEvents,
        log,
        stillFailing: (name) => (breakers.has(name) && breakers.view(name)?.state !== 'closed') || lastStatus.get(name) === 'down',
      })
    : null;

  // Each stage service's health entry and recovery handler; they follow the settings (sync below).
  const roster = new ServiceRoster({
    stages,
    health,
    breakers,
    recovery: engine && autoRecovery ? { autoRecovery, executor: engine.executor } : null,
    placeBefore: ['workers', 'engine'],
    log,
  });
  roster.sync();

  if (engine && autoRecovery) {
    autoRecovery.register(
      'database',
      databaseRecoveryHandler(() => {
        const fresh = storeOn(openDatabase(paths.database, { nativeBinding: options.nativeBinding }));
        try {
          fresh.health.probeWrite();
        } finally {
          fresh.close();
        }
      }, engine.executor),
    );
    autoRecovery.on('changed', () => void health.checkNow());
    engine.on('breaker.changed', (view) => {
      if (view.state === 'open') autoRecovery.trigger(view.name, `its breaker opened (${view.reason ?? 'failing'})`);
      if (view.state === 'closed') autoRecovery.healthy(view.name);
      events.emit('breaker.changed', toBreakerInfo(view, stages));
      void health.checkNow(view.name);
    });
    health.on('result', (name, r) => {
      lastStatus.set(name, r.status);
      if (name === 'disk') engine.setBlock(stageOrder[0]!, 'disk', r.status === 'down' ? `paused: ${r.message}` : null);
      if (!autoRecovery.has(name)) return;
      if (r.status === 'down') autoRecovery.trigger(name, `its health check failed (${r.message})`);
      else if (r.status === 'up' && !(breakers.has(name) && breakers.view(name)?.state !== 'closed')) autoRecovery.healthy(name);
    });
    settings.on('changed', (c) => {
      engine.reconfigure(c);
      // An engine or server setting may have changed the services the stages call: their health
      // entries and recovery handlers follow at once, and a new or moved one is checked now.
      const change = roster.sync();
      for (const name of change.retired) lastStatus.delete(name);
      for (const name of [...change.added, ...change.replaced, ...change.rebound]) void health.checkNow(name);
      health.start();
    });
    engine.on('foreign.write', () => settings.reloadIfChanged());
  }
  health.on('overall', (snapshot) => events.emit('health.changed', snapshot));
  health.on('checked', (snapshot) => events.emit('health.checked', snapshot));

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
  // The watch folder is the `watchDir` setting (LIFELINE_WATCH_DIR wins); it runs with the engine and switches when the setting does.
  const watchFolder = engine
    ? new WatchFolderSwitch(
        { queue, watched: store.watched, clock, log, afterWrite, onStatusChange: () => events.emit('intake.changed') },
        config().watchDir,
      )
    : null;
  if (watchFolder) settings.on('changed', (c) => watchFolder.switchTo(c.watchDir));
  let recordingSweep: NodeJS.Timeout | undefined;
  let retention: RetentionSchedule | undefined;

  const startedAt = clock.now();
  const handlers = createHandlers({
    store,
    queue,
    clock,
    engine,
    stages,
    breakers,
    recovery,
    autoRecovery,
    health,
    settings,
    startedAt,
    recordings,
    get watchFolder() {
      return watchFolder?.current ?? null;
    },
    afterWrite,
  });
  let closed = false;
  return {
    paths,
    get config() {
      return settings.current;
    },
    settings,
    store,
    queue,
    engine,
    breakers,
    recovery,
    autoRecovery,
    health,
    handlers,
    events,
    log,
    clock,
    afterWrite,
    async start() {
      if (!engine) throw new Error('this Lifeline was opened without an engine');
      health.seedFromStore();
      // Recordings a crashed process never finished become items first: that needs only the store,
      // and it must not wait for the startup gate (a page still recording resumes into a second part).
      void recordings.recoverAbandoned();
      // Workers start alongside the gate, which does not wait for them (their check says 'starting'
      // meanwhile); claims only begin in engine.start(), and a job waits for a ready worker.
      void engine.executor.start();
      // The external services the work needs are checked afresh; what the last run saw does not count.
      const still = await health.startupGate(config().health.startupTimeoutMs);
      // Closed while the gate waited (a Ctrl-C during start): start nothing.
      if (closed) return [];
      if (still.length > 0) log.warn({ still }, 'starting although required services have not answered up at this start');
      const recovered = engine.start();
      // Later, sessions whose page went away are found within a minute of going silent for two.
      recordingSweep = setInterval(() => void recordings.recoverAbandoned(), 60_000);
      recordingSweep.unref();
      watchFolder?.start();
      retention = scheduleRetention(() => handlers['maintenance:cleanup']({}), log.child({ module: 'retention' }));
      health.start();
      void health.checkNow();
      return recovered;
    },
    call: (channel, request) => dispatch(handlers, channel, request, log) as never,
    async close(graceMs) {
      if (closed) return;
      closed = true;
      clearInterval(recordingSweep);
      retention?.stop();
      watchFolder?.stop();
      health.stop();
      autoRecovery?.stop();
      breakers.stop();
      await engine?.stop(graceMs);
      store.close();
      log.flush();
    },
  };
}
