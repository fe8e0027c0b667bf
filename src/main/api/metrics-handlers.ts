import { computeMetrics } from '../metrics/metrics-service';
import type { ApiContext, Handler } from './handlers';

export const metricsHandlers = (ctx: ApiContext): { 'metrics:get': Handler<'metrics:get'> } => ({
  'metrics:get': () =>
    computeMetrics(
      ctx.store,
      ctx.clock,
      ctx.stages.map((s) => s.stage),
    ),
});
