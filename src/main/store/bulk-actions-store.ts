import type { ItemState } from '../../shared/contract';
import type { SqliteDatabase } from './database';

/** What one chunk of a bulk action did. */
export interface BulkChunkOutcome {
  changed: number;
  /** Items the action does not apply to in their current state, by that state. */
  skipped: Partial<Record<ItemState, number>>;
  notFound: number;
}

/** One item's answer to a bulk step: it changed, the action does not apply in its state, or no such item. */
export type BulkItemResult = 'changed' | 'not_applicable' | null;

/**
 * Applies the queue's own per-item transitions (retry, cancel, discard, re-run: the same rules and
 * event rows as a single click, through `Queue`) to a chunk of items in ONE write transaction: the
 * per-item transactions nest as savepoints, so a chunk of 500 costs one commit, and no other writer
 * waits longer than a chunk takes.
 */
export class BulkActionsStore {
  private readonly stateOf;
  private readonly chunk;

  constructor(db: SqliteDatabase) {
    this.stateOf = db.prepare(`SELECT state FROM jobs WHERE item_id = @itemId`).pluck();
    this.chunk = db.transaction((ids: readonly number[], step: (id: number) => BulkItemResult): BulkChunkOutcome => {
      const out: BulkChunkOutcome = { changed: 0, skipped: {}, notFound: 0 };
      for (const id of ids) {
        const r = step(id);
        if (r === null) out.notFound++;
        else if (r === 'changed') out.changed++;
        else {
          const state = this.stateOf.get({ itemId: id }) as ItemState | undefined;
          if (state) out.skipped[state] = (out.skipped[state] ?? 0) + 1;
        }
      }
      return out;
    });
  }

  /** Runs `step` (one of the queue's per-item transitions) for each item of a chunk in ONE IMMEDIATE transaction. */
  apply(ids: readonly number[], step: (id: number) => BulkItemResult): BulkChunkOutcome {
    return this.chunk.immediate(ids, step);
  }
}
