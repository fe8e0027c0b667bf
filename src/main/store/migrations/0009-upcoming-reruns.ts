import type { Migration } from './migration';

/**
 * Done ticks and re-runs.
 *
 * - `memory_ticks`: a Done tick on a to-do or event. Keyed by the item and the memory's normalised
 *   kind and text (upcoming/memory-key.ts), not by the memory row's id: a re-extraction replaces the
 *   rows (new ids), and a tick on the same to-do must still be there afterwards.
 * - `reruns`: an item the user asked to run again from a stage. While a row is here the pipeline
 *   writes the new transcript and memories into the `rerun_*` tables below, so the old ones stay what
 *   every screen shows; the index stage publishes them (replacing the old ones) in one transaction
 *   when the whole re-run has succeeded (store/rerun-outputs.ts).
 */
export const m0009UpcomingReruns: Migration = {
  version: 9,
  name: 'upcoming-reruns',
  sql: `
    CREATE TABLE memory_ticks (
      item_id    INTEGER NOT NULL REFERENCES items (id),
      memory_key TEXT    NOT NULL,
      done_at    INTEGER NOT NULL,
      PRIMARY KEY (item_id, memory_key)
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE reruns (
      item_id      INTEGER PRIMARY KEY REFERENCES items (id),
      -- transcribe | extract: the first stage run again.
      from_stage   TEXT    NOT NULL,
      requested_at INTEGER NOT NULL
    ) STRICT;

    CREATE TABLE rerun_transcript_plans (
      item_id      INTEGER PRIMARY KEY REFERENCES items (id),
      sample_rate  INTEGER NOT NULL,
      total_frames INTEGER NOT NULL,
      chunks       TEXT    NOT NULL,
      created_at   INTEGER NOT NULL
    ) STRICT;

    CREATE TABLE rerun_transcript_chunks (
      item_id     INTEGER NOT NULL REFERENCES items (id),
      chunk_index INTEGER NOT NULL,
      segments    TEXT    NOT NULL,
      engine      TEXT    NOT NULL,
      done_at     INTEGER NOT NULL,
      PRIMARY KEY (item_id, chunk_index)
    ) STRICT;

    -- The re-run's memories as the extractor returned them (JSON), written to \`memories\` through
    -- the memories store's own insert when they are published, so they keep every column it has.
    CREATE TABLE rerun_memories (
      item_id   INTEGER PRIMARY KEY REFERENCES items (id),
      memories  TEXT    NOT NULL,
      extractor TEXT    NOT NULL
    ) STRICT;
  `,
};
