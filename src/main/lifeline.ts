import { EventEmitter } from 'node:events';
import path from 'node:path';
import { createHandlers } from './api/handlers';
import { dispatch } from './api/dispatch';
import type { Lifeline, LifelineEvents, LifelineOptions } from './lifeline-types';
import type { EngineConfig } from './config/config';
import { serviceExtras } from './api/auto-recovery-info';
import { toBreakerInfo } from './api/breaker-info';
import { BreakerBoard } from './breakers/breaker-board';
import { dataPaths } from './config/data-dir';
import { SettingsService } from './settings/settings-service';
import { Engine } from './engine/engine';
import { deadLetterCounts } from './health/attention-feed';
import { HealthMonitor } from './health/health-monitor';
import { scheduleRetention } from './maintenance/retention-schedule';
import { removeStaleTempFiles, removeTempFilesOf } from './maintenance/temp-files';
import { makeDataDirPrivate, makeFilesPrivate } from './config/private-data-dir';
import { lifelineProbes } from './health/lifeline-probes';
import { ServiceRoster } from './health/service-roster';
import { DiskGuard } from './disk/disk-guard';
import { ServiceWatch } from './health/service-watch';
import { startSelfHealing } from './health/self-healing';
import { createLogger, logSinkStatus } from './log/logger';
import { ModelManager, modelCatalogue } from './pipeline/asr/model-manager';
import { RecordingSessions } from './pipeline/intake/recording-sessions';
import { WatchFolderSwitch } from './pipeline/intake/watch-folder-switch';
import { pipelineStages } from './pipeline/pipeline-stages';
import { afterWorkerExit } from './engine/worker/after-worker-exit';
import { nodeWorkerLauncher } from './engine/worker/node-worker-launcher';
import { definedEnv } from './engine/worker/worker-launcher';
import { WorkerPool } from './engine/worker/worker-pool';
import { Queue } from './queue/queue';
import { AutoRecovery } from './recovery/auto-recovery';
import { ownerId } from './recovery/process-alive';
import { RecoveryManager } from './recovery/recovery-manager';
import { databaseRecoveryHandler } from './recovery/service-recovery-handlers';
import { writeThroughFreshConnection, type Store } from './store/store';
import { BackupService } from './backup/backup-service';
import { openCheckedStore } from './backup/open-checked-store';
import { systemClock } from './time/clock';
import { stopInReverse, type Stop } from '../shared/stop';

export type { Lifeline, LifelineEvents, LifelineOptions } from './lifeline-types';

export function openLifeline(options: LifelineOptions): Lifeline {
  const paths = dataPaths(options.dataDir);
  // Private before anything is written: new files by umask, a store from before this rule fixed here.
  const madePrivate = makeDataDirPrivate(paths.dataDir);
  let watch: ServiceWatch | undefined;
  const env = options.env ?? process.env;
  const clock = options.clock ?? systemClock;
  const log = createLogger(paths.logs, options.processName, options.logFs);
  // Everything that runs over time leaves its stop here; close runs them in reverse (the last started first).
  const stops: Stop[] = [() => log.flush()];
  let graceMs: number | undefined;
  if (madePrivate > 0)
    log.info({ changed: madePrivate }, 'made the data dir private to this user (0700 folders, 0600 files)');
  const { store, restored } = openCheckedStore(paths, { nativeBinding: options.nativeBinding, now: clock.now() });
  if (restored)
    log.warn({ from: restored.restoredFrom, movedAside: restored.movedAside }, 'store restored from a backup at start');
  makeFilesPrivate([paths.database, `${paths.database}-wal`, `${paths.database}-shm`]);
  stops.push(() => store.close());
  const settings = new SettingsService(store.settings, env, clock);
  const config = () => settings.current;
  const stages = (options.stages ?? ((s: Store) => pipelineStages(s, { env })))(store);
  const stageOrder = stages.map((s) => s.stage);
  const events = new EventEmitter<LifelineEvents>();
  const disk = new DiskGuard({
    dataDir: paths.dataDir,
    read: options.freeSpace,
    thresholds: () => config().health,
    log,
    clock,
  });
  // The one board; the service roster registers its breakers, the engine and the API read it.
  const breakers = new BreakerBoard({ store, clock, config: () => config().breaker, log });
  stops.push(() => breakers.stop());

  const engine = options.withEngine
    ? new Engine({
        store,
        paths,
        config: config(),
        clock,
        log,
        stages,
        breakers,
        // The health side answers once it exists (below): until then nothing is known.
        services: {
          downReason: (n) => watch?.downReason(n) ?? null,
          confirmDown: (n) => watch?.confirmDown(n) ?? Promise.resolve(null),
        },
        executor:
          config().workers === 0
            ? undefined
            : ({ queue: engineQueue }) =>
                new WorkerPool({
                  launcher: afterWorkerExit(options.workerLauncher ?? nodeWorkerLauncher, (pid) =>
                    removeTempFilesOf(paths.tmp, pid, log),
                  ),
                  spec: {
                    dataDir: paths.dataDir,
                    stagesModule: options.workerStages?.module,
                    stagesExport: options.workerStages?.export,
                    maxHeapMb: config().workerMaxHeapMb,
                    env: options.env && definedEnv(options.env),
                  },
                  size: config().workers,
                  stageCount: stages.length,
                  clock,
                  log,
                  stopMs: config().workerStopMs,
                  pingMs: config().heartbeatMs, // idle workers answer a ping every heartbeat, or are replaced after a lease
                  answerWithinMs: config().stages.ingest.leaseMs,
                  idleExitMs: config().workerIdleMs,
                  // A job claimed for a worker that is still starting keeps its lease meanwhile.
                  renewWhileStarting: (job) => engineQueue.heartbeat(job, null),
                  // …and the store knows its work has not begun until the worker takes it.
                  awaitWorker: (job) => engineQueue.awaitWorker(job),
                  workBegins: (job) => engineQueue.workBegins(job),
                }),
      })
    : null;
  if (engine) stops.push(async () => void (await engine.stop(graceMs)));
  const queue = engine?.queue ?? new Queue(store.queuePorts, { stageOrder, policies: config().stages, clock });
  const recovery =
    engine?.recovery ??
    new RecoveryManager({
      store,
      queue,
      owner: ownerId(clock.now()),
      clock,
      config,
      handlers: new Map(stages.map((s) => [s.stage, s])),
      kill: () => false,
      log,
    });

  const health: HealthMonitor = new HealthMonitor({
    probes: lifelineProbes({
      store,
      dataDir: paths.dataDir,
      clock,
      config,
      stages,
      engine,
      disk,
      logStatus: () => logSinkStatus(log),
    }),
    clock,
    config: () => config().health,
    store,
    log,
    source: engine ? 'engine' : 'store',
    deadLetters: deadLetterCounts(store.attention, log),
    extras: (name) => serviceExtras(name, breakers, autoRecovery),
  });
  const stillFailing = (name: string) => watch?.knownDown(name) === true;
  const autoRecovery = engine
    ? new AutoRecovery({
        clock,
        config: () => config().autoRecovery,
        serviceEvents: store.serviceEvents,
        log,
        stillFailing,
      })
    : null;
  if (autoRecovery) stops.push(() => autoRecovery.stop());

  // Each stage service's breaker, health entry and recovery handler; they follow the settings (sync below).
  const roster = new ServiceRoster({
    stages,
    // Breakers of services no stage calls now (another engine was chosen) still show in `lifeline breakers`.
    kept: () => store.breakers.all().map((b) => b.name),
    health,
    breakers,
    recovery: engine && autoRecovery ? { autoRecovery, executor: engine.executor } : null,
    placeBefore: ['workers', 'engine'],
    onCheck: (name, failure) => watch?.onCheck(name, failure),
    log,
  });
  roster.sync();

  if (engine && autoRecovery) {
    watch = new ServiceWatch({
      health,
      breakers,
      engine,
      autoRecovery,
      clock,
      services: () => roster.labels(),
      log,
    });
    stops.push(() => watch?.stop());
  }
  stops.push(
    startSelfHealing({
      stages: stageOrder,
      health,
      disk,
      announce: {
        healthChanged: (snapshot) => events.emit('health.changed', snapshot),
        healthChecked: (snapshot) => events.emit('health.checked', snapshot),
        breakerChanged: (view) => events.emit('breaker.changed', toBreakerInfo(view, stages)),
      },
      withEngine:
        engine && autoRecovery && watch
          ? {
              engine,
              settings,
              roster,
              breakers,
              watch,
              autoRecovery,
              databaseRecovery: databaseRecoveryHandler(
                () => writeThroughFreshConnection(paths.database, { nativeBinding: options.nativeBinding }),
                engine.executor,
              ),
            }
          : null,
    }),
  );

  const backups = new BackupService({
    db: store.db,
    paths,
    clock,
    config: () => config().backup,
    log: log.child({ module: 'backup' }),
  });
  const afterWrite = async (): Promise<void> => {
    engine?.changed();
    engine?.wake();
    // What was just written (an added file, an upload, a user action) reaches the database file itself
    // before it is acknowledged. With an engine the checkpoint runs off its event loop (the UI and the
    // job loop go on meanwhile); a CLI command has no loop to keep free and does it at once.
    try {
      if (engine) await store.durable();
      else store.checkpoint();
    } catch (err: unknown) {
      log.warn({ err }, 'checkpoint after a write failed');
    }
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
        {
          queue,
          watched: store.watched,
          clock,
          log,
          afterWrite,
          onStatusChange: () => events.emit('intake.changed'),
          intakeRefusal: (what) => disk.intakeRefusal(what),
        },
        config().watchDir,
      )
    : null;
  if (watchFolder) {
    const switchFolder = (c: EngineConfig) => watchFolder.switchTo(c.watchDir);
    settings.on('changed', switchFolder);
    stops.push(() => void settings.off('changed', switchFolder));
  }

  const models = new ModelManager({
    modelsDir: path.join(paths.dataDir, 'models'),
    catalogue: modelCatalogue(env),
    log: log.child({ module: 'models' }),
    settings: {
      chosenModel: () => String(settings.entries().find((e) => e.key === 'whisper.model')?.value ?? ''),
      asrEngine: () => String(settings.entries().find((e) => e.key === 'asr.engine')?.value ?? 'auto'),
      // models:use and models:remove are write channels: the dispatcher does the follow-up.
      write: (changes) => void settings.write(changes),
    },
  });
  stops.push(() => models.stop());

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
    disk,
    backups,
    settings,
    models,
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
    disk,
    models,
    handlers,
    events,
    log,
    clock,
    afterWrite,
    async start() {
      if (!engine) throw new Error('this Lifeline was opened without an engine');
      // What crashed processes left in tmp/ (a cut-off upload, a killed worker's WAV) goes first.
      removeStaleTempFiles(paths.tmp, clock.now(), log);
      health.seedFromStore();
      // Recordings a crashed process never finished become items first: that needs only the store,
      // and it must not wait for the startup gate (a page still recording resumes into a second part).
      void recordings.recoverAbandoned();
      // Workers start alongside the gate, which does not wait for them (their check says 'starting'
      // meanwhile); claims only begin in engine.start(), and a job waits for a ready worker.
      void engine.executor.start();
      // Health checks on its interval from now on; its stop also ends the startup gate should close come meanwhile.
      stops.push(health.start());
      // The external services the work needs are checked afresh; what the last run saw does not count.
      const still = await health.startupGate(config().health.startupTimeoutMs);
      // Closed while the gate waited (a Ctrl-C during start): start nothing.
      if (closed) return [];
      if (still.length > 0)
        log.warn({ still }, 'starting although required services have not answered up at this start');
      const recovered = engine.start();
      // Later, sessions whose page went away are found within a minute of going silent for two.
      stops.push(recordings.startSweep());
      if (watchFolder) stops.push(watchFolder.start());
      const reschedule = () => backups.reschedule();
      settings.on('changed', reschedule);
      stops.push(backups.start(engine.owner), () => void settings.off('changed', reschedule));
      stops.push(scheduleRetention(() => handlers['maintenance:cleanup']({}), log.child({ module: 'retention' })).stop);
      stops.push(disk.start());
      void health.checkNow();
      return recovered;
    },
    call: (channel, request) => dispatch(handlers, channel, request, log, 'in-process') as never,
    async close(grace) {
      if (closed) return;
      closed = true;
      graceMs = grace;
      await stopInReverse(stops, (err) => log.error({ err }, 'a stop failed while closing'));
      stops.length = 0;
    },
  };
}
