import type { EventEmitter } from 'node:events';
import type { BreakerInfo, ChannelName, HealthSnapshot, RequestOf, ResponseOf, Result } from '../shared/contract';
import type { Handlers } from './api/handlers';
import type { BreakerBoard } from './breakers/breaker-board';
import type { EngineConfig } from './config/config';
import type { DataPaths } from './config/data-dir';
import type { SettingsService } from './settings/settings-service';
import type { DiskGuard, FreeSpaceReader } from './disk/disk-guard';
import type { Engine } from './engine/engine';
import type { HealthMonitor } from './health/health-monitor';
import type { LogFs } from './log/log-file-sink';
import type { ModelManager } from './pipeline/asr/model-manager';
import type { Logger } from './log/logger';
import type { StageHandler } from './engine/stage-handler';
import type { WorkerLauncher } from './engine/worker/worker-launcher';
import type { Queue } from './queue/queue';
import type { AutoRecovery } from './recovery/auto-recovery';
import type { RecoveryManager, RecoveryOutcome } from './recovery/recovery-manager';
import type { Store } from './store/store';
import type { Clock } from './time/clock';

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
  /** Reads free space for the data dir (tests play a full disk). Default: statfs. */
  freeSpace?: FreeSpaceReader;
  /** The log file's writes (tests play a disk that refuses them). Default: node:fs. */
  logFs?: LogFs;
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
  /** The whisper models on this machine. */
  models: ModelManager;
  /** Free space: intake asks it first; while short it is read every few seconds. */
  disk: DiskGuard;
  handlers: Handlers;
  events: EventEmitter<LifelineEvents>;
  log: Logger;
  clock: Clock;
  /**
   * Tells UIs and the engine about a write made outside the contract's handlers (an upload); resolves
   * once the write is in the database file itself (acknowledge after that).
   */
  afterWrite(): Promise<void>;
  /**
   * Waits for the required external services to answer at this start (startup gate; not for the
   * worker processes), recovers what was left running, starts the engine and the health checks.
   */
  start(): Promise<RecoveryOutcome[]>;
  call<C extends ChannelName>(channel: C, request: RequestOf<C>): Promise<Result<ResponseOf<C>>>;
  /**
   * Stops everything opening and `start()` began, in reverse order (the last started first): the
   * running jobs get `graceMs` to finish (default: the `shutdownGraceMs` setting) before the engine
   * releases them; then the breakers, the store and the log close. A second call does nothing.
   */
  close(graceMs?: number): Promise<void>;
}
