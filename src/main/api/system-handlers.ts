import { plural } from '../../shared/text/plural';
import { stages as allStages, type PipelineStatus } from '../../shared/contract';
import { ApiError } from './api-error';
import { toBreakerInfo } from './breaker-info';
import type { ApiContext, Handler } from './handlers';
import { toRecoveryLogInfo } from './recovery-handlers';

type SystemChannels =
  | 'system:overview'
  | 'items:pipeline'
  | 'deadLetters:list'
  | 'deadLetters:requeue'
  | 'deadLetters:requeueAll'
  | 'maintenance:cleanup';

export function systemHandlers(ctx: ApiContext): { [C in SystemChannels]: Handler<C> } {
  const { store, engine, clock, queue } = ctx;
  return {
    'system:overview': () => {
      const h = ctx.health.snapshot();
      const l = engine?.executor.liveness();
      ctx.breakers.reloadIfChanged();
      return {
        overall: h.overall,
        reasons: h.reasons,
        engine: {
          running: engine?.isRunning ?? false,
          mode: l?.mode ?? null,
          workers: l ? { expected: l.expected, ready: l.ready, busy: l.busy, recentCrashes: l.recentCrashes } : null,
          runningJobs: engine?.runningJobs ?? 0,
          uptimeMs: engine ? clock.now() - ctx.startedAt : null,
        },
        queue: store.reads.overview(),
        breakers: ctx.breakers.list().map((v) => toBreakerInfo(v, ctx.stages)),
        deadLetters: store.metrics.deadLetterCount(),
      };
    },
    'items:pipeline': (req): PipelineStatus => {
      const d = store.reads.detail(req.id);
      if (!d) throw new ApiError('NOT_FOUND', `there is no item ${req.id}`);
      const order = ctx.stages.length > 0 ? ctx.stages.map((s) => s.stage) : [...allStages];
      const current = order.indexOf(d.stage);
      const recoveries = store.recoveryLog.forItem(req.id);
      const failures = d.events.filter((e) => e.error && (e.type === 'retry_scheduled' || e.type === 'dead'));
      const parts: string[] = [];
      if (failures.length > 0)
        parts.push(
          `${plural(failures.length, 'failed attempt')}, last ${failures.at(-1)!.error!.code}: ${failures.at(-1)!.error!.message}`,
        );
      if (recoveries.length > 0) {
        const last = recoveries.at(-1)!;
        parts.push(
          `recovered ${plural(recoveries.length, 'time')}, last because ${last.ruleDetail} (${last.strategy}, ${last.outcome})`,
        );
      }
      return {
        id: d.id,
        state: d.state,
        stage: d.stage,
        stages: order.map((stage, i) => {
          const evs = d.events.filter((e) => e.stage === stage);
          const finished = evs.filter((e) => e.type === 'succeeded' || e.type === 'validated').at(-1);
          const status = d.state === 'done' || i < current ? 'done' : i === current ? 'current' : 'pending';
          return {
            stage,
            status,
            state: status === 'current' ? d.state : null,
            startedAt: evs.find((e) => e.type === 'started')?.at ?? null,
            finishedAt: status === 'done' ? (finished?.at ?? null) : null,
            runs: evs.filter((e) => e.type === 'started').length,
          };
        }),
        failureSummary: parts.length > 0 ? parts.join('; ') : null,
        recoveries: recoveries.map(toRecoveryLogInfo),
        lastError: d.error,
        events: d.events,
      };
    },
    'deadLetters:list': (req) => {
      const byCode = store.metrics.deadLettersByCode();
      return {
        total: byCode.reduce((n, r) => n + r.count, 0),
        byCode: byCode.map(({ code, stage, count }) => ({ code, stage, count })),
        items: store.reads.list({ state: 'dead', limit: req.limit }).map((i) => i.id),
      };
    },
    'deadLetters:requeue': (req) => {
      const before = store.reads.summary(req.id);
      if (!before) throw new ApiError('NOT_FOUND', `there is no item ${req.id}`);
      if (before.state !== 'dead')
        throw new ApiError('INVALID_STATE', `item ${req.id} is ${before.state}, not a dead letter`);
      queue.retry(req.id);
      const item = store.reads.summary(req.id)!;
      return { id: item.id, stage: item.stage };
    },
    'deadLetters:requeueAll': () => {
      return { count: queue.retryAllDead() };
    },
    'maintenance:cleanup': (req) => {
      const days = req.olderThanDays ?? ctx.settings.current.retentionDays;
      const before = clock.now() - days * 86_400_000;
      return { before: new Date(before).toISOString(), ...store.maintenance.cleanup(before) };
    },
  };
}
