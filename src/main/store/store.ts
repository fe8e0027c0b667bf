import type { DataPaths } from '../config/data-dir';
import { BulkActionsStore } from './bulk-actions-store';
import { openDatabase, type OpenDatabaseOptions, type SqliteDatabase } from './database';
import { ItemFilesStore } from './item-files-store';
import { ItemsReadStore } from './items-read-store';
import { RecordingsStore } from './recordings-store';
import { SqliteQueueStore } from './sqlite-queue-store';
import { WatchedFilesStore } from './watched-files-store';

/** Everything persisted, behind one connection. */
export interface Store {
  db: SqliteDatabase;
  queue: SqliteQueueStore;
  reads: ItemsReadStore;
  files: ItemFilesStore;
  bulk: BulkActionsStore;
  recordings: RecordingsStore;
  watched: WatchedFilesStore;
  close(): void;
}

export function openStore(paths: DataPaths, options: OpenDatabaseOptions = {}): Store {
  const db = openDatabase(paths.database, options);
  const queue = new SqliteQueueStore(db);
  return {
    db,
    queue,
    bulk: new BulkActionsStore(db, queue),
    recordings: new RecordingsStore(db),
    watched: new WatchedFilesStore(db),
    reads: new ItemsReadStore(db),
    files: new ItemFilesStore(db),
    close: () => db.close(),
  };
}
