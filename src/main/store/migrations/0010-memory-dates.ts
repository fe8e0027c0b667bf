import type { Migration } from './migration';

/**
 * Memory dates say what was said: `all_day` marks a date with no time of day ("on Friday": `at` is
 * the start of that day), `repeats` a to-do or event that comes back ("every Sunday"). Memories
 * extracted before keep their stored values (all_day 0, no repeat) until their item is extracted again.
 */
export const m0010MemoryDates: Migration = {
  version: 10,
  name: 'memory-dates',
  sql: `
    ALTER TABLE memories ADD COLUMN all_day INTEGER NOT NULL DEFAULT 0 CHECK (all_day IN (0, 1));
    ALTER TABLE memories ADD COLUMN repeats TEXT CHECK (repeats IN ('daily', 'weekly', 'monthly', 'yearly'));
  `,
};
