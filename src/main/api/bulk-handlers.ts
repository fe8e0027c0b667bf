import type { BulkAction, BulkResult, BulkTarget, ItemState } from '../../shared/contract';
import { missingCase } from '../../shared/missing-case';
import type { Queue } from '../queue/queue';
import type { BulkChunkOutcome, BulkItemResult } from '../store/bulk-actions-store';
import type { ApiContext, Handler } from './handlers';

/** Items per write transaction: big enough to amortise the commit, small enough that no other writer waits long. */
export const bulkChunkSize = 500;

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** What a walk over a bulk target did, summed over its chunks. */
export type BulkTally = Omit<BulkResult, 'action'>;

/**
 * Applies `apply` to the items of `target` chunk by chunk. Between chunks the event loop runs, so
 * heartbeats, other calls and the pushed changes of the chunk just written go out while a
 * 100,000-item "retry all matching" is still under way.
 */
export async function applyInChunks(
  ctx: ApiContext,
  target: BulkTarget,
  apply: (ids: readonly number[]) => BulkChunkOutcome,
): Promise<BulkTally> {
  const result: BulkTally = { changed: 0, skipped: 0, skippedByState: {}, notFound: 0 };
  const add = (o: BulkChunkOutcome) => {
    result.changed += o.changed;
    result.notFound += o.notFound;
    for (const [state, n] of Object.entries(o.skipped) as [ItemState, number][]) {
      result.skipped += n;
      result.skippedByState[state] = (result.skippedByState[state] ?? 0) + n;
    }
    // A bulk action over thousands of items shows its effect as it goes, chunk by chunk.
    if (o.changed > 0) void ctx.afterWrite();
  };
  if (target.kind === 'ids') {
    const ids = [...new Set(target.ids)];
    for (let i = 0; i < ids.length; i += bulkChunkSize) {
      add(apply(ids.slice(i, i + bulkChunkSize)));
      await yieldToEventLoop();
    }
    return result;
  }
  // "All matching": walk the filter newest first by id, so items the action moves out of the
  // filter, and items added meanwhile, neither repeat nor shift the walk.
  const except = new Set(target.except ?? []);
  let before = Number.MAX_SAFE_INTEGER;
  for (;;) {
    const ids = ctx.store.reads.matchingIds(target.filter, before, bulkChunkSize);
    if (ids.length === 0) break;
    const chosen = except.size === 0 ? ids : ids.filter((id) => !except.has(id));
    if (chosen.length > 0) add(apply(chosen));
    before = ids[ids.length - 1]!;
    await yieldToEventLoop();
  }
  return result;
}

/** One item's step of a bulk action: the queue's own transition, as a single click makes it. */
function bulkStep(queue: Queue, action: BulkAction): (id: number) => BulkItemResult {
  const changedIf = (r: string | null, changed: string): BulkItemResult =>
    r === null ? null : r === changed ? 'changed' : 'not_applicable';
  switch (action) {
    case 'retry':
      return (id) => changedIf(queue.retry(id), 'retried');
    case 'cancel':
      return (id) => changedIf(queue.cancel(id), 'cancelled');
    case 'discard':
      return (id) => changedIf(queue.discard(id), 'discarded');
    default:
      return missingCase(action);
  }
}

/** `items:bulk`: the same transitions as single clicks, applied chunk by chunk. */
export function bulkHandlers(ctx: ApiContext): { 'items:bulk': Handler<'items:bulk'> } {
  return {
    'items:bulk': async ({ action, target }) => {
      const step = bulkStep(ctx.queue, action);
      return { action, ...(await applyInChunks(ctx, target, (ids) => ctx.store.bulk.apply(ids, step))) };
    },
  };
}
