import type { DataPaths } from '../config/data-dir';
import type { QueuePorts } from '../queue/queue-store';
import { AttentionStore } from './attention-store';
import { BulkActionsStore } from './bulk-actions-store';
import { BreakersStore } from './breakers-store';
import { openDatabase, type OpenDatabaseOptions, type SqliteDatabase } from './database';
import { HealthStore } from './health-store';
import { ItemFilesStore } from './item-files-store';
import { ItemsReadStore } from './items-read-store';
import { RecordingsStore } from './recordings-store';
import { LeaseFence } from './lease-fence';
import { MaintenanceStore } from './maintenance-store';
import { MetricsReads } from './metrics-reads';
import { RecoveryLogStore } from './recovery-log-store';
import { ServiceEventsStore } from './service-events-store';
import { SettingsStore } from './settings-store';
import { sqliteQueuePorts } from './sqlite-queue-store';
import { WalCheckpoints } from './wal-checkpoints';
import { WatchedFilesStore } from './watched-files-store';

/** Everything persisted, behind one connection. */
export interface Store {
  db: SqliteDatabase;
  /**
   * The queue's ports, for `new Queue(store.queuePorts, …)` in a composition root and nothing else:
   * job state changes only through the queue (test/architecture/queue-door.test.ts).
   */
  queuePorts: QueuePorts;
  reads: ItemsReadStore;
  files: ItemFilesStore;
  bulk: BulkActionsStore;
  recordings: RecordingsStore;
  watched: WatchedFilesStore;
  /** Fenced stage-output writes: refused once the lease is no longer held. */
  fence: LeaseFence;
  recoveryLog: RecoveryLogStore;
  breakers: BreakersStore;
  serviceEvents: ServiceEventsStore;
  settings: SettingsStore;
  health: HealthStore;
  metrics: MetricsReads;
  maintenance: MaintenanceStore;
  /** What the person has already seen (dead letters). */
  attention: AttentionStore;
  /** Runs `fn` as one IMMEDIATE transaction; store calls inside it join it (as savepoints). */
  atomically<T>(fn: () => T): T;
  /** Folds the whole write-ahead log into the database file (fsynced) now, waiting for other connections. */
  checkpoint(): void;
  /**
   * Resolves once every write committed before the call is in the database file (fsynced), without
   * blocking the event loop while other connections hold frames back: what an acknowledgement waits
   * for, so an acknowledged item survives even the loss of the `-wal` file.
   */
  durable(): Promise<void>;
  close(): void;
}

export function openStore(paths: DataPaths, options: OpenDatabaseOptions = {}): Store {
  return storeOn(openDatabase(paths.database, options));
}

/** The store's parts on an open connection. */
export function storeOn(db: SqliteDatabase): Store {
  const queuePorts = sqliteQueuePorts(db);
  const checkpoints = new WalCheckpoints(db);
  return {
    db,
    queuePorts,
    bulk: new BulkActionsStore(db),
    recordings: new RecordingsStore(db),
    watched: new WatchedFilesStore(db),
    reads: new ItemsReadStore(db),
    files: new ItemFilesStore(db),
    fence: new LeaseFence(db),
    recoveryLog: new RecoveryLogStore(db),
    breakers: new BreakersStore(db),
    serviceEvents: new ServiceEventsStore(db),
    settings: new SettingsStore(db),
    health: new HealthStore(db),
    metrics: new MetricsReads(db),
    maintenance: new MaintenanceStore(db),
    attention: new AttentionStore(db),
    atomically: <T>(fn: () => T): T => db.transaction(fn).immediate(),
    checkpoint: () => checkpoints.now(),
    durable: () => checkpoints.afterCommit(),
    close: () => {
      checkpoints.close();
      db.close();
    },
  };
}

/** Opens a fresh connection to the database file and writes through it: proves the file takes writes now. */
export function writeThroughFreshConnection(file: string, options: OpenDatabaseOptions = {}): void {
  const fresh = storeOn(openDatabase(file, options));
  try {
    fresh.health.probeWrite();
  } finally {
    fresh.close();
  }
}
