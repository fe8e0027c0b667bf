import type { Migration } from './migration';

/**
 * Stage outputs: the transcription plan and its chunks (each chunk is a checkpoint), the memories
 * extracted from a transcript, and the full-text index over both.
 *
 * A plan fixes the chunk boundaries once, so an attempt that resumes after a crash cuts the audio
 * exactly as the one that stored the earlier chunks did.
 */
export const m0002TranscriptsMemoriesSearch: Migration = {
  version: 2,
  name: 'transcripts-memories-search',
  sql: `
    CREATE TABLE transcript_plans (
      item_id      INTEGER PRIMARY KEY REFERENCES items (id),
      sample_rate  INTEGER NOT NULL,
      total_frames INTEGER NOT NULL,
      -- JSON [[startFrame, endFrame], ...] at sample_rate, in order, covering the audio.
      chunks       TEXT    NOT NULL,
      created_at   INTEGER NOT NULL
    ) STRICT;

    CREATE TABLE transcript_chunks (
      item_id     INTEGER NOT NULL REFERENCES items (id),
      chunk_index INTEGER NOT NULL,
      -- JSON [{start, end, text}], seconds from the start of the recording.
      segments    TEXT    NOT NULL,
      engine      TEXT    NOT NULL,
      done_at     INTEGER NOT NULL,
      PRIMARY KEY (item_id, chunk_index)
    ) STRICT;

    CREATE TABLE memories (
      id           INTEGER PRIMARY KEY,
      item_id      INTEGER NOT NULL REFERENCES items (id),
      kind         TEXT    NOT NULL,
      text         TEXT    NOT NULL,
      at           TEXT,
      source_start REAL,
      source_end   REAL,
      source_text  TEXT,
      extractor    TEXT    NOT NULL
    ) STRICT;
    CREATE INDEX memories_by_item ON memories (item_id, id);

    -- kind is 'transcript' or a memory kind; start_sec the offset in the recording (or NULL).
    CREATE VIRTUAL TABLE search_index USING fts5 (
      text, item_id UNINDEXED, kind UNINDEXED, start_sec UNINDEXED,
      tokenize = 'porter unicode61 remove_diacritics 2'
    );
  `,
};
