import type { ItemSortKey, ItemSummary } from '../../shared/contract';
import type { ListCursor } from '../store/items-read-store';
import { ApiError } from './api-error';

/**
 * Cursors name the sort key of the last row of a page: `<id>` by age (the format the CLI has always
 * seen), `<priority>:<id>` by priority. A cursor made for one sort is refused by the other.
 */
export function encodeCursor(sort: ItemSortKey, last: ItemSummary): string {
  return sort === 'priority' ? `${last.priority}:${last.id}` : String(last.id);
}

export function decodeCursor(sort: ItemSortKey, cursor: string): ListCursor {
  const refuse = () =>
    new ApiError('INVALID_REQUEST', `cursor "${cursor}" is not one this API returned for a list sorted by ${sort}`);
  const m = sort === 'priority' ? /^(-?\d{1,3}):(\d{1,15})$/.exec(cursor) : /^()(\d{1,15})$/.exec(cursor);
  if (!m) throw refuse();
  const id = Number(m[2]);
  if (!Number.isSafeInteger(id) || id < 1) throw refuse();
  return sort === 'priority' ? { id, priority: Number(m[1]) } : { id };
}
