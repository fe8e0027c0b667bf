import { applyInChunks } from './bulk-handlers';
import type { ApiContext, Handler } from './handlers';

/**
 * `items:rerun`: "Transcribe again" / "Extract again" for one item or a selection. Each item goes
 * through the queue's rule (Queue.rerun: only done items), a chunk of them per transaction.
 */
export function rerunHandlers(ctx: ApiContext): { 'items:rerun': Handler<'items:rerun'> } {
  return {
    'items:rerun': ({ target, from }) =>
      applyInChunks(ctx, target, (ids) =>
        ctx.store.bulk.apply(ids, (id) => {
          const r = ctx.queue.rerun(id, from);
          return r === null ? null : r === 'rerun' ? 'changed' : 'not_applicable';
        }),
      ),
  };
}
