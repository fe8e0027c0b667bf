import type { ItemSummary } from '../../shared/contract';
import { addFiles } from '../pipeline/intake/add-files';
import { ApiError } from './api-error';
import type { ApiContext, Handler } from './handlers';

type ItemChannels = 'items:list' | 'items:get' | 'items:add' | 'items:retry' | 'items:retryAllDead' | 'items:discard' | 'items:cancel';

function parseCursor(cursor: string | undefined): number | undefined {
  if (cursor === undefined) return undefined;
  const id = Number(cursor);
  if (!Number.isInteger(id) || id < 1) throw new ApiError('INVALID_REQUEST', `cursor "${cursor}" is not one this API returned`);
  return id;
}

export function itemHandlers(ctx: ApiContext): { [C in ItemChannels]: Handler<C> } {
  const { store, queue, clock } = ctx;
  const mustExist = (id: number): ItemSummary => {
    const item = store.reads.summary(id);
    if (!item) throw new ApiError('NOT_FOUND', `there is no item ${id}`);
    return item;
  };
  const written = (id: number): ItemSummary => {
    ctx.afterWrite();
    return mustExist(id);
  };
  return {
    'items:list': (req) => {
      const items = store.reads.list({ state: req.state, stage: req.stage, beforeId: parseCursor(req.cursor), limit: req.limit });
      const last = items.at(-1);
      return { items, nextCursor: items.length === req.limit && last ? String(last.id) : null };
    },
    'items:get': (req) => {
      const item = store.reads.detail(req.id);
      if (!item) throw new ApiError('NOT_FOUND', `there is no item ${req.id}`);
      return item;
    },
    'items:add': async (req) => {
      const result = await addFiles(queue, req.paths, req.priority);
      if (result.added.length > 0) ctx.afterWrite();
      return result;
    },
    'items:retry': (req) => {
      const r = store.queue.retryItem(req.id, clock.now());
      if (r === null) throw new ApiError('NOT_FOUND', `there is no item ${req.id}`);
      if (r === 'not_retryable') {
        throw new ApiError('INVALID_STATE', `item ${req.id} is ${mustExist(req.id).state}; only dead or cancelled items can be retried`);
      }
      return written(req.id);
    },
    'items:retryAllDead': () => {
      const count = store.queue.retryAllDead(clock.now());
      if (count > 0) ctx.afterWrite();
      return { count };
    },
    'items:discard': (req) => {
      const r = store.queue.discardItem(req.id, clock.now());
      if (r === null) throw new ApiError('NOT_FOUND', `there is no item ${req.id}`);
      return written(req.id);
    },
    'items:cancel': (req) => {
      const r = store.queue.cancelItem(req.id, clock.now());
      if (r === null) throw new ApiError('NOT_FOUND', `there is no item ${req.id}`);
      if (r === 'not_cancellable') {
        throw new ApiError('INVALID_STATE', `item ${req.id} is ${mustExist(req.id).state}; only waiting, queued or running items can be cancelled`);
      }
      return written(req.id);
    },
  };
}
