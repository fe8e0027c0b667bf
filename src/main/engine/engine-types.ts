import type { ItemSummary, Progress, Stage } from '../../shared/contract';
import type { BreakerBoard, BreakerView } from '../breakers/breaker-board';
import type { EngineConfig } from '../config/config';
import type { DataPaths } from '../config/data-dir';
import type { Logger } from '../log/logger';
import type { StageHandler } from './stage-handler';
import type { Queue } from '../queue/queue';
import type { RecoveryOutcome } from '../recovery/recovery-manager';
import type { Store } from '../store/store';
import type { Clock } from '../time/clock';
import type { ServiceStatus } from './service-status';
import type { StageExecutor } from './stage-executor';
import type { BlockSource } from './stage-gates';

export interface EngineDeps {
  store: Store;
  paths: DataPaths;
  config: EngineConfig;
  clock: Clock;
  log: Logger;
  /** The pipeline's stages, in order. In this process they answer availability, checkpoints and services. */
  stages: readonly StageHandler[];
  /**
   * The breakers of the external services, each registered by the one place that knows which services
   * the stages call (health/service-roster.ts); the engine reads them, reports outcomes and stops nothing.
   */
  breakers: BreakerBoard;
  /** Where stage work runs. Default: in this process (tests); Lifeline passes a worker pool. */
  executor?: (parts: { queue: Queue; handlers: ReadonlyMap<Stage, StageHandler> }) => StageExecutor;
  /** What the health side knows of each stage service. Default: nothing (a fault counts for its breaker only). */
  services?: ServiceStatus;
}

export interface EngineEvents {
  'items.changed': [items: ItemSummary[]];
  'item.progress': [itemId: number, progress: Progress];
  started: [recovered: RecoveryOutcome[]];
  recovered: [outcomes: RecoveryOutcome[]];
  'breaker.changed': [breaker: BreakerView];
  /** Another process committed to the store (settings or breakers may have changed). */
  'foreign.write': [];
}

export interface StageStatus {
  stage: Stage;
  concurrency: number;
  running: number;
  paused: boolean;
  /** Why its jobs wait, or null when it runs. */
  blockedBy: string | null;
  blockSources: BlockSource[];
  service: string | null;
}
