import type { SqliteDatabase } from './database';

export type RecordingState = 'recording' | 'finishing' | 'finished' | 'cancelled' | 'empty';

export interface RecordingRow {
  id: number;
  name: string;
  owner: string;
  state: RecordingState;
  sampleRate: number;
  channels: number;
  filePath: string;
  bytes: number;
  sha256: string | null;
  storedPath: string | null;
  itemId: number | null;
  recovered: boolean;
  startedAt: number;
  updatedAt: number;
}

interface Row {
  id: number;
  name: string;
  owner: string;
  state: RecordingState;
  sample_rate: number;
  channels: number;
  file_path: string;
  bytes: number;
  sha256: string | null;
  stored_path: string | null;
  item_id: number | null;
  recovered: number;
  started_at: number;
  updated_at: number;
}

const toRecording = (r: Row): RecordingRow => ({
  id: r.id,
  name: r.name,
  owner: r.owner,
  state: r.state,
  sampleRate: r.sample_rate,
  channels: r.channels,
  filePath: r.file_path,
  bytes: r.bytes,
  sha256: r.sha256,
  storedPath: r.stored_path,
  itemId: r.item_id,
  recovered: r.recovered === 1,
  startedAt: r.started_at,
  updatedAt: r.updated_at,
});

/** Recording sessions: SQL only; the files are the session service's (pipeline/intake). */
export class RecordingsStore {
  private readonly s;

  constructor(db: SqliteDatabase) {
    const p = (sql: string) => db.prepare(sql);
    this.s = {
      insert: p(`INSERT INTO recordings (name, owner, state, sample_rate, channels, file_path, started_at, updated_at)
                 VALUES (@name, @owner, 'recording', @sampleRate, @channels, '', @now, @now) RETURNING id`).pluck(),
      setFile: p(`UPDATE recordings SET file_path = @filePath WHERE id = @id`),
      get: p(`SELECT * FROM recordings WHERE id = @id`),
      open: p(`SELECT * FROM recordings WHERE state IN ('recording', 'finishing') ORDER BY id`),
      appended: p(`UPDATE recordings SET bytes = @bytes, updated_at = @now WHERE id = @id AND state = 'recording'`),
      finishing: p(
        `UPDATE recordings SET state = 'finishing', bytes = @bytes, sha256 = @sha256, stored_path = @storedPath, updated_at = @now
         WHERE id = @id`,
      ),
      finished:
        p(`UPDATE recordings SET state = 'finished', item_id = @itemId, recovered = @recovered, updated_at = @now
                   WHERE id = @id`),
      ended: p(`UPDATE recordings SET state = @state, recovered = @recovered, updated_at = @now WHERE id = @id`),
    };
  }

  create(
    r: { name: string; owner: string; sampleRate: number; channels: number; now: number },
    filePathFor: (id: number) => string,
  ): RecordingRow {
    const id = this.s.insert.get(r) as number;
    this.s.setFile.run({ filePath: filePathFor(id), id });
    return this.get(id)!;
  }

  get(id: number): RecordingRow | undefined {
    const r = this.s.get.get({ id }) as Row | undefined;
    return r && toRecording(r);
  }

  /** Sessions not yet turned into an item (or thrown away). */
  unfinished(): RecordingRow[] {
    return (this.s.open.all() as Row[]).map(toRecording);
  }

  appended(id: number, bytes: number, now: number): void {
    this.s.appended.run({ bytes, now, id });
  }

  finishing(id: number, bytes: number, sha256: string, storedPath: string, now: number): void {
    this.s.finishing.run({ bytes, sha256, storedPath, now, id });
  }

  finished(id: number, itemId: number, recovered: boolean, now: number): void {
    this.s.finished.run({ itemId, recovered: recovered ? 1 : 0, now, id });
  }

  ended(id: number, state: 'cancelled' | 'empty', recovered: boolean, now: number): void {
    this.s.ended.run({ state, recovered: recovered ? 1 : 0, now, id });
  }
}
