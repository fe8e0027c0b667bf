import type { ApiContext, Handler } from './handlers';

export const overviewHandlers = (ctx: ApiContext): { 'overview:get': Handler<'overview:get'> } => ({
  'overview:get': () => ctx.store.reads.overview(),
});
