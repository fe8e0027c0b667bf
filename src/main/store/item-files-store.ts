import type { RecordedFrom } from '../../shared/contract';
import type { SqliteDatabase } from './database';

/** What a stage knows about the item it works on: a row of `items`. */
export interface StageItem {
  id: number;
  sourcePath: string;
  fileName: string;
  sha256: string;
  storedPath: string | null;
  createdAt: number;
  /** When the recording was made (ms epoch) as ingest read it; the add time until then. */
  recordedAt: number;
}

/** When a recording was made, and how that is known. */
export interface RecordingTime {
  at: number;
  from: RecordedFrom;
}

/** Item identity and its stored copy: what stages read and what ingest writes. */
export class ItemFilesStore {
  private readonly s;
  constructor(db: SqliteDatabase) {
    this.s = {
      item: db.prepare(`SELECT id, source_path, file_name, sha256, stored_path, created_at,
                               coalesce(recorded_at, created_at) AS recorded_at FROM items WHERE id = @id`),
      setStored: db.prepare(`UPDATE items SET stored_path = @storedPath WHERE id = @id`),
      recordedFrom: db.prepare(`SELECT recorded_from FROM items WHERE id = @id`).pluck(),
      setRecorded: db.prepare(`UPDATE items SET recorded_at = @at, recorded_from = @from WHERE id = @id`),
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
          recorded_at: number;
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
        recordedAt: r.recorded_at,
      }
    );
  }

  setStoredPath(id: number, storedPath: string): void {
    this.s.setStored.run({ storedPath, id });
  }

  /** Whether ingest already read when the recording was made (a re-run keeps what it read then). */
  hasRecordingTime(id: number): boolean {
    return (this.s.recordedFrom.get({ id }) ?? null) !== null;
  }

  setRecordingTime(id: number, time: RecordingTime): void {
    this.s.setRecorded.run({ id, at: Math.round(time.at), from: time.from });
  }
}
