import type { Stage } from '../../shared/contract';
import type { SqliteDatabase } from './database';

/**
 * Which copy of an item's stage outputs a reader or writer sees while the item is being run again.
 * - `published`: what every screen, search and the CLI show: the old transcript and memories stay
 *   until the re-run has succeeded as a whole.
 * - `pipeline`: what the stages read and write: during a re-run, the new outputs (kept apart in the
 *   `rerun_*` tables until they are published).
 */
export type OutputView = 'published' | 'pipeline';

/** The stage an item is being run again from, or null when no re-run is open. */
export function rerunLookup(db: SqliteDatabase): (itemId: number) => Stage | null {
  const from = db.prepare(`SELECT from_stage FROM reruns WHERE item_id = @itemId`).pluck();
  return (itemId) => (from.get({ itemId }) as Stage | undefined) ?? null;
}
