import { SearchStore } from '../store/search-store';
import type { ApiContext, Handler } from './handlers';

export function searchHandlers(ctx: ApiContext): { 'search:query': Handler<'search:query'> } {
  const search = new SearchStore(ctx.store.db);
  return {
    'search:query': (req) => search.search(req.query, req.limit, req.kind),
  };
}
