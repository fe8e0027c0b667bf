import { channelNames, contract, type ChannelName, type ParsedRequestOf, type ResponseOf } from '../../shared/contract';
import type { BreakerBoard } from '../breakers/breaker-board';
import type { SettingsService } from '../settings/settings-service';
import type { BackupService } from '../backup/backup-service';
import type { DiskGuard } from '../disk/disk-guard';
import type { Engine } from '../engine/engine';
import type { HealthMonitor } from '../health/health-monitor';
import type { StageHandler } from '../engine/stage-handler';
import type { ModelManager } from '../pipeline/asr/model-manager';
import type { RecordingSessions } from '../pipeline/intake/recording-sessions';
import type { WatchFolder } from '../pipeline/intake/watch-folder';
import type { Queue } from '../queue/queue';
import type { AutoRecovery } from '../recovery/auto-recovery';
import type { RecoveryManager } from '../recovery/recovery-manager';
import type { Store } from '../store/store';
import type { Clock } from '../time/clock';
import { backupsHandlers } from './backups-handlers';
import { bulkHandlers } from './bulk-handlers';
import { intakeHandlers } from './intake-handlers';
import { breakersHandlers } from './breakers-handlers';
import { healthHandlers } from './health-handlers';
import { itemHandlers } from './item-handlers';
import { metricsHandlers } from './metrics-handlers';
import { modelsHandlers } from './models-handlers';
import { overviewHandlers } from './overview-handlers';
import { searchHandlers } from './search-handlers';
import { memoriesHandlers } from './memories-handlers';
import { recordingHandlers } from './recording-handlers';
import { recoveryHandlers } from './recovery-handlers';
import { rerunHandlers } from './rerun-handlers';
import { upcomingHandlers } from './upcoming-handlers';
import { settingsHandlers } from './settings-handlers';
import { stagesHandlers } from './stages-handlers';
import { systemHandlers } from './system-handlers';

/** What handlers act on: the store, the queue's rules, and a way to tell the engine something changed. */
export interface ApiContext {
  store: Store;
  queue: Queue;
  clock: Clock;
  recordings: RecordingSessions;
  /** Null when no watch folder is set. */
  watchFolder: WatchFolder | null;
  /**
   * Pushes changes to UIs and wakes the engine (no-op in the CLI). Called by `createHandlers` after
   * every channel the contract marks as writing; a handler calls it itself only to show progress
   * part-way through a long write (bulk actions). Resolves once the write is in the database file
   * itself: the answer waits for that.
   */
  afterWrite(): Promise<void>;
  /** Null in a process that runs no engine (the CLI). */
  engine: Engine | null;
  /** The pipeline's stage handlers in this process, in order. */
  stages: readonly StageHandler[];
  breakers: BreakerBoard;
  recovery: RecoveryManager;
  autoRecovery: AutoRecovery | null;
  health: HealthMonitor;
  /** Asked before any intake: a full disk refuses new audio with DISK_FULL. */
  disk: DiskGuard;
  backups: BackupService;
  settings: SettingsService;
  /** The whisper models on this machine (download, choose, remove). */
  models: ModelManager;
  startedAt: number;
}

/**
 * Who made a call: `api` is a transport (HTTP with the token, or the desktop window over IPC);
 * `in-process` is this process itself (the CLI at the user's terminal, scheduled work, tests).
 */
export type Caller = 'api' | 'in-process';

/** `caller` is absent when this process calls a handler directly (scheduled work): in-process. */
export type Handler<C extends ChannelName> = (
  request: ParsedRequestOf<C>,
  caller?: Caller,
) => Promise<ResponseOf<C>> | ResponseOf<C>;
export type Handlers = { [C in ChannelName]: Handler<C> };

/**
 * Per-domain handler maps merged into one; a channel answered twice, or not at all, is refused at
 * start. A channel the contract marks as writing gets the follow-up here, once: after it succeeds,
 * `afterWrite` pushes the changes and wakes the engine.
 */
export function createHandlers(ctx: ApiContext): Handlers {
  const merged: Record<string, unknown> = {};
  const parts = [
    itemHandlers(ctx),
    bulkHandlers(ctx),
    rerunHandlers(ctx),
    upcomingHandlers(ctx),
    searchHandlers(ctx),
    memoriesHandlers(ctx),
    recordingHandlers(ctx),
    intakeHandlers(ctx),
    overviewHandlers(ctx),
    healthHandlers(ctx),
    breakersHandlers(ctx),
    recoveryHandlers(ctx),
    metricsHandlers(ctx),
    stagesHandlers(ctx),
    systemHandlers(ctx),
    settingsHandlers(ctx),
    backupsHandlers(ctx),
    modelsHandlers(ctx),
  ];
  for (const part of parts) {
    for (const [name, fn] of Object.entries(part)) {
      if (name in merged) throw new Error(`channel ${name} has two handlers`);
      const handler = fn as (req: unknown, caller?: Caller) => unknown;
      merged[name] = contract[name as ChannelName]?.writes
        ? async (req: unknown, caller?: Caller) => {
            const value = await handler(req, caller);
            await ctx.afterWrite();
            return value;
          }
        : handler;
    }
  }
  const missing = channelNames.filter((c) => !(c in merged));
  if (missing.length > 0) throw new Error(`channels without a handler: ${missing.join(', ')}`);
  return merged as Handlers;
}
