import type { BulkAction, ItemState } from '../../shared/contract';
import { missingCase } from '../../shared/missing-case';
import type { SqliteDatabase } from './database';
import type { SqliteQueueStore } from './sqlite-queue-store';

/** What one chunk of a bulk action did. */
export interface BulkChunkOutcome {
  changed: number;
  /** Items the action does not apply to in their current state, by that state. */
  skipped: Partial<Record<ItemState, number>>;
  notFound: number;
}

/**
 * Applies the queue's own per-item transitions (retry, cancel, discard: the same rules and event
 * rows as a single click) to a chunk of items in ONE write transaction: the per-item transactions
 * nest as savepoints, so a chunk of 500 costs one commit, and no other writer waits longer than a
 * chunk takes.
 */
export class BulkActionsStore {
  private readonly stateOf;
  private readonly chunk;
  private readonly rerunChunk;

  constructor(db: SqliteDatabase, queue: SqliteQueueStore) {
    this.stateOf = db.prepare(`SELECT state FROM jobs WHERE item_id = ?`).pluck();
    this.chunk = db.transaction((action: BulkAction, ids: readonly number[], now: number): BulkChunkOutcome => {
      const out: BulkChunkOutcome = { changed: 0, skipped: {}, notFound: 0 };
      const skip = (id: number) => {
        const state = this.stateOf.get(id) as ItemState | undefined;
        if (state) out.skipped[state] = (out.skipped[state] ?? 0) + 1;
      };
      for (const id of ids) {
        let r: string | null;
        switch (action) {
          case 'retry':
            r = queue.retryItem(id, now);
            break;
          case 'cancel':
            r = queue.cancelItem(id, now);
            break;
          case 'discard':
            r = queue.discardItem(id, now);
            break;
          default:
            return missingCase(action);
        }
        if (r === null) out.notFound++;
        else if (r === 'retried' || r === 'cancelled' || r === 'discarded') out.changed++;
        else skip(id);
      }
      return out;
    });
    this.rerunChunk = db.transaction(
      (ids: readonly number[], job: (id: number) => 'rerun' | 'not_rerunnable' | null): BulkChunkOutcome => {
        const out: BulkChunkOutcome = { changed: 0, skipped: {}, notFound: 0 };
        for (const id of ids) {
          const r = job(id);
          if (r === null) out.notFound++;
          else if (r === 'rerun') out.changed++;
          else {
            const state = this.stateOf.get(id) as ItemState;
            out.skipped[state] = (out.skipped[state] ?? 0) + 1;
          }
        }
        return out;
      },
    );
  }

  /** Runs `rerun` (the queue's own rule, Queue.rerun) for each item of a chunk in ONE transaction. */
  rerun(ids: readonly number[], rerun: (id: number) => 'rerun' | 'not_rerunnable' | null): BulkChunkOutcome {
    return this.rerunChunk.immediate(ids, rerun);
  }

  /** One chunk, one IMMEDIATE transaction. */
  apply(action: BulkAction, ids: readonly number[], now: number): BulkChunkOutcome {
    return this.chunk.immediate(action, ids, now);
  }
}
