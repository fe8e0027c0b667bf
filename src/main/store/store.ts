import type { DataPaths } from '../config/data-dir';
import { openDatabase, type OpenDatabaseOptions, type SqliteDatabase } from './database';
import { ItemFilesStore } from './item-files-store';
import { ItemsReadStore } from './items-read-store';
import { SqliteQueueStore } from './sqlite-queue-store';

/** Everything persisted, behind one connection. */
export interface Store {
  db: SqliteDatabase;
  queue: SqliteQueueStore;
  reads: ItemsReadStore;
  files: ItemFilesStore;
  close(): void;
}

export function openStore(paths: DataPaths, options: OpenDatabaseOptions = {}): Store {
  const db = openDatabase(paths.database, options);
  return {
    db,
    queue: new SqliteQueueStore(db),
    reads: new ItemsReadStore(db),
    files: new ItemFilesStore(db),
    close: () => db.close(),
  };
}
