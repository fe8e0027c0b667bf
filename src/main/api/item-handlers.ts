import os from 'node:os';
import path from 'node:path';
import type { ItemSummary } from '../../shared/contract';
import { addFiles } from '../pipeline/intake/add-files';
import { ApiError } from './api-error';
import type { ApiContext, Handler } from './handlers';
import { decodeCursor, encodeCursor } from './list-cursor';

type ItemChannels =
  | 'items:list'
  | 'items:count'
  | 'items:get'
  | 'items:progress'
  | 'items:add'
  | 'items:retry'
  | 'items:retryAllDead'
  | 'items:discard'
  | 'items:cancel'
  | 'items:errorGroups';

export function itemHandlers(ctx: ApiContext): { [C in ItemChannels]: Handler<C> } {
  const { store, queue } = ctx;
  const mustExist = (id: number): ItemSummary => {
    const item = store.reads.summary(id);
    if (!item) throw new ApiError('NOT_FOUND', `there is no item ${id}`);
    return item;
  };
  const written = (id: number): ItemSummary => mustExist(id);
  return {
    'items:list': (req) => {
      const { sort, direction, cursor, offset, limit, ...filter } = req;
      if (cursor !== undefined && offset !== undefined)
        throw new ApiError('INVALID_REQUEST', 'give a cursor or an offset, not both');
      const after = cursor === undefined ? undefined : decodeCursor(sort, cursor);
      const items = store.reads.list({ ...filter, sort, direction, after, offset, limit });
      const last = items.at(-1);
      return { items, nextCursor: items.length === limit && last ? encodeCursor(sort, last) : null };
    },
    'items:count': (req) => ({ count: store.reads.count(req) }),
    // Without an engine in this process (the CLI) nothing is running here to report.
    'items:progress': () => ctx.engine?.liveProgress() ?? [],
    'items:get': (req) => {
      const item = store.reads.detail(req.id);
      if (!item) throw new ApiError('NOT_FOUND', `there is no item ${req.id}`);
      return item;
    },
    'items:add': async (req, caller) => {
      const refusal = await ctx.disk.intakeRefusal(
        req.paths.length === 1 ? path.basename(req.paths[0]!) : `${req.paths.length} files`,
      );
      if (refusal) throw new ApiError('DISK_FULL', refusal);
      // Over the API only the home folder, the watch folder and addFromDir; the CLI adds any readable file.
      const { watchDir, addFromDir } = ctx.settings.current;
      const from = caller === 'api' ? [os.homedir(), watchDir, addFromDir] : null;
      return addFiles(queue, req.paths, req.priority, from, store.atomically);
    },
    'items:retry': (req) => {
      const r = queue.retry(req.id);
      if (r === null) throw new ApiError('NOT_FOUND', `there is no item ${req.id}`);
      if (r === 'not_retryable') {
        throw new ApiError(
          'INVALID_STATE',
          `item ${req.id} is ${mustExist(req.id).state}; only dead or cancelled items can be retried`,
        );
      }
      return written(req.id);
    },
    'items:retryAllDead': () => {
      return { count: queue.retryAllDead() };
    },
    'items:discard': (req) => {
      const r = queue.discard(req.id);
      if (r === null) throw new ApiError('NOT_FOUND', `there is no item ${req.id}`);
      return written(req.id);
    },
    'items:cancel': (req) => {
      const r = queue.cancel(req.id);
      if (r === null) throw new ApiError('NOT_FOUND', `there is no item ${req.id}`);
      if (r === 'not_cancellable') {
        throw new ApiError(
          'INVALID_STATE',
          `item ${req.id} is ${mustExist(req.id).state}; only waiting, queued or running items can be cancelled`,
        );
      }
      return written(req.id);
    },
    'items:errorGroups': (req) => ({ groups: store.reads.errorGroups(req.state) }),
  };
}
