import type { Migration } from './migration';

/**
 * Two indexes leave the hot path (enqueue → claim → complete); each dirtied one more B-tree page
 * per commit, about 10 % of the queue's throughput each (bench/queue-bench.ts).
 *
 * - `events_by_item` gives way to a backward chain: every event names the item's previous event
 *   (`prev_id`) and the job row names the item's latest (`last_event_id`). An item's timeline is a
 *   walk of a few primary-key lookups; both columns sit on rows a transition writes anyway
 *   (store/event-log.ts keeps them, measured against a trigger that cost ~4 % of throughput).
 * - `jobs_by_priority` covers only jobs whose priority is not the default: the Items screen's
 *   priority sort merges that index with an id-ordered walk of the default-priority jobs.
 */
export const m0007LeanHotPath: Migration = {
  version: 7,
  name: 'lean-hot-path',
  sql: `
    ALTER TABLE events ADD COLUMN prev_id INTEGER;
    ALTER TABLE jobs ADD COLUMN last_event_id INTEGER;
    UPDATE events SET prev_id = w.prev
      FROM (SELECT id, lag(id) OVER (PARTITION BY item_id ORDER BY id) AS prev FROM events) AS w
      WHERE w.id = events.id AND w.prev IS NOT NULL;
    UPDATE jobs SET last_event_id = (SELECT max(id) FROM events e WHERE e.item_id = jobs.item_id);
    DROP INDEX events_by_item;

    DROP INDEX jobs_by_priority;
    CREATE INDEX jobs_prioritized ON jobs (priority, item_id) WHERE priority <> 0;
  `,
};
