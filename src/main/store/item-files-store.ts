import type { SqliteDatabase } from './database';

/** What a stage knows about the item it works on: a row of `items`. */
export interface StageItem {
  id: number;
  sourcePath: string;
  fileName: string;
  sha256: string;
  storedPath: string | null;
  createdAt: number;
}

/** Item identity and its stored copy: what stages read and what ingest writes. */
export class ItemFilesStore {
  private readonly s;
  constructor(db: SqliteDatabase) {
    this.s = {
      item: db.prepare(`SELECT id, source_path, file_name, sha256, stored_path, created_at FROM items WHERE id = @id`),
      setStored: db.prepare(`UPDATE items SET stored_path = @storedPath WHERE id = @id`),
    };
  }

  stageItem(id: number): StageItem | undefined {
    const r = this.s.item.get({ id }) as
      | {
          id: number;
          source_path: string;
          file_name: string;
          sha256: Buffer;
          stored_path: string | null;
          created_at: number;
        }
      | undefined;
    return (
      r && {
        id: r.id,
        sourcePath: r.source_path,
        fileName: r.file_name,
        sha256: r.sha256.toString('hex'),
        storedPath: r.stored_path,
        createdAt: r.created_at,
      }
    );
  }

  setStoredPath(id: number, storedPath: string): void {
    this.s.setStored.run({ storedPath, id });
  }
}
