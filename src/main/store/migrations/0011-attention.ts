import type { Migration } from './migration';

/**
 * What the person has already looked at: dead letters are news until seen. One row per kind of
 * thing (today only `dead-letters`), holding the newest `jobs.updated_at` among the dead letters that
 * existed when they looked. A dead letter that arrives later has a later time, so it is new.
 */
export const m0011Attention: Migration = {
  version: 11,
  name: 'attention',
  sql: `
    CREATE TABLE attention_marks (
      name       TEXT    PRIMARY KEY,
      seen_up_to INTEGER NOT NULL,
      marked_at  INTEGER NOT NULL
    ) STRICT;
  `,
};
