import type { Migration } from './migration';

/**
 * Files the watch folder has handled, by path with the size and modification time they had: a
 * restart does not hash the whole folder again, and a file that changes is looked at again.
 */
export const m0005WatchedFiles: Migration = {
  version: 5,
  name: 'watched-files',
  sql: `
    CREATE TABLE watched_files (
      path     TEXT    PRIMARY KEY,
      size     INTEGER NOT NULL,
      mtime_ms INTEGER NOT NULL,
      -- added | duplicate | rejected
      outcome  TEXT    NOT NULL,
      item_id  INTEGER REFERENCES items (id),
      at       INTEGER NOT NULL
    ) STRICT;
  `,
};
