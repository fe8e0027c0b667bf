import { MemoriesStore, type MemoryCursor } from '../store/memories-store';
import { ApiError } from './api-error';
import type { ApiContext, Handler } from './handlers';

/** A page of memories ends at `<itemId>:<memoryId>`, the sort key of its last row. */
export function encodeMemoryCursor(last: { itemId: number; id: number }): string {
  return `${last.itemId}:${last.id}`;
}

export function decodeMemoryCursor(cursor: string): MemoryCursor {
  const m = /^(\d{1,15}):(\d{1,15})$/.exec(cursor);
  const itemId = Number(m?.[1]);
  const memoryId = Number(m?.[2]);
  if (!m || !Number.isSafeInteger(itemId) || !Number.isSafeInteger(memoryId) || itemId < 1 || memoryId < 1) {
    throw new ApiError('INVALID_REQUEST', `cursor "${cursor}" is not one memories:list returned`);
  }
  return { itemId, memoryId };
}

export function memoriesHandlers(ctx: ApiContext): { 'memories:list': Handler<'memories:list'> } {
  const memories = new MemoriesStore(ctx.store.db);
  return {
    'memories:list': (req) => {
      const after = req.cursor === undefined ? undefined : decodeMemoryCursor(req.cursor);
      const page = memories.page({ kind: req.kind, after, limit: req.limit });
      const last = page.at(-1);
      return {
        memories: page,
        nextCursor: page.length === req.limit && last ? encodeMemoryCursor(last) : null,
        total: memories.count(req.kind),
      };
    },
  };
}
