import type { Migration } from './migration';

/**
 * Recording sessions from the microphone. The WAV file under recordings/ is the truth (every chunk
 * is fsynced before it is acknowledged); `bytes` follows it. A session left `recording` or
 * `finishing` by a process that is gone is turned into an item at the next start.
 */
export const m0004Recordings: Migration = {
  version: 4,
  name: 'recordings',
  sql: `
    CREATE TABLE recordings (
      id           INTEGER PRIMARY KEY,
      name         TEXT    NOT NULL,
      -- The process writing it (host:pid:startedAt, like a lease owner).
      owner        TEXT    NOT NULL,
      -- recording → finishing → finished; or cancelled, or empty (no audio arrived).
      state        TEXT    NOT NULL,
      sample_rate  INTEGER NOT NULL,
      channels     INTEGER NOT NULL,
      file_path    TEXT    NOT NULL,
      bytes        INTEGER NOT NULL DEFAULT 0,
      sha256       TEXT,
      stored_path  TEXT,
      item_id      INTEGER REFERENCES items (id),
      -- 1 when it was finished by recovery, not by Stop.
      recovered    INTEGER NOT NULL DEFAULT 0,
      started_at   INTEGER NOT NULL,
      updated_at   INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX recordings_open ON recordings (state) WHERE state IN ('recording', 'finishing');
  `,
};
