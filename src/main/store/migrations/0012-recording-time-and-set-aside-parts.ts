import type { Migration } from './migration';

/**
 * Two facts the pipeline reads and keeps:
 * - When the recording was made (`items.recorded_at`, ms epoch), read at ingest from the file's own
 *   metadata or its modification time (`recorded_from` says which; null: not read, the add time
 *   stands in). Relative dates ("next Tuesday") resolve against it. Existing items get their add time.
 * - The parts of a transcription set aside because they kept failing (`set_aside`, JSON
 *   [{index, reason}], on the plan and a re-run's staged plan alike): the other parts go on, and the
 *   item ends as a dead letter naming them. Kept with the plan, so a new plan drops them.
 */
export const m0012RecordingTimeAndSetAsideParts: Migration = {
  version: 12,
  name: 'recording-time-and-set-aside-parts',
  sql: `
    ALTER TABLE items ADD COLUMN recorded_at INTEGER;
    ALTER TABLE items ADD COLUMN recorded_from TEXT;
    UPDATE items SET recorded_at = created_at;
    ALTER TABLE transcript_plans ADD COLUMN set_aside TEXT;
    ALTER TABLE rerun_transcript_plans ADD COLUMN set_aside TEXT;
  `,
};
