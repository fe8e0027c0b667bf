import { itemStates, type ItemState, type Stage, type StageInfo } from '../../shared/contract';
import { heldByUserReason } from '../engine/stage-pause';
import type { ApiContext, Handler } from './handlers';

type StageChannels =
  'queue:stats' | 'stages:setConcurrency' | 'stages:pause' | 'stages:resume' | 'stages:pauseAll' | 'stages:resumeAll';

export function stagesHandlers(ctx: ApiContext): { [C in StageChannels]: Handler<C> } {
  const { store, settings, engine } = ctx;
  const info = (stage: Stage, counts: Record<ItemState, number>): StageInfo => {
    const cfg = settings.current.stages[stage];
    const status = engine?.stageStatus().find((s) => s.stage === stage);
    const oldest = store.metrics.oldestQueuedAt(stage);
    return {
      stage,
      concurrency: cfg.concurrency,
      running: status?.running ?? counts.running,
      paused: cfg.paused,
      heldBy: heldByUserReason(stage, cfg),
      blockedBy: status?.blockedBy ?? null,
      service: ctx.stages.find((s) => s.stage === stage)?.service?.name ?? null,
      counts,
      oldestQueuedMs: oldest === null ? null : Math.max(0, ctx.clock.now() - oldest),
    };
  };
  const one = (stage: Stage): StageInfo => info(stage, store.reads.overview().byStage[stage]);
  const set = (stage: Stage, values: Record<string, number | boolean>) => {
    settings.write(values);
    return one(stage);
  };
  const stats = (only?: Stage) => {
    settings.reloadIfChanged();
    const o = store.reads.overview();
    const shown = only ? [only] : ctx.stages.map((s) => s.stage);
    const zero = Object.fromEntries(itemStates.map((s) => [s, 0])) as Record<ItemState, number>;
    return { stages: shown.map((s) => info(s, o.byStage[s] ?? zero)), totals: o.totals, items: o.items };
  };
  const setAll = (paused: boolean) => {
    // One write for every stage: another process sees all of them change at once.
    settings.write(Object.fromEntries(ctx.stages.map((s) => [`paused.${s.stage}`, paused])));
    return stats();
  };
  return {
    'queue:stats': (req) => stats(req.stage),
    'stages:setConcurrency': (req) => set(req.stage, { [`concurrency.${req.stage}`]: req.limit }),
    'stages:pause': (req) => set(req.stage, { [`paused.${req.stage}`]: true }),
    'stages:resume': (req) => set(req.stage, { [`paused.${req.stage}`]: false }),
    'stages:pauseAll': () => setAll(true),
    'stages:resumeAll': () => setAll(false),
  };
}
