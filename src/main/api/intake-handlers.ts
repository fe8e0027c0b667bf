import type { ApiContext, Handler } from './handlers';

export const intakeHandlers = (ctx: ApiContext): { 'intake:status': Handler<'intake:status'> } => ({
  'intake:status': () => ({ watchFolder: ctx.watchFolder?.status() ?? null }),
});
