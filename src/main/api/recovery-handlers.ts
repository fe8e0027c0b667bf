import type { RecoveryLogEntryInfo, RecoveryOutcomeInfo } from '../../shared/contract';
import { recoverySummary } from '../metrics/metrics-service';
import type { RecoveryLogRow } from '../store/recovery-log-store';
import { ApiError } from './api-error';
import { toAutoRecoveryInfo } from './auto-recovery-info';
import type { ApiContext, Handler } from './handlers';

type RecoveryChannels =
  | 'recovery:stats'
  | 'recovery:recoverItem'
  | 'recovery:scan'
  | 'recovery:resetStuck'
  | 'recovery:triggerStage'
  | 'recovery:triggerService';

const iso = (ms: number) => new Date(ms).toISOString();

export function toRecoveryLogInfo(r: RecoveryLogRow): RecoveryLogEntryInfo {
  return {
    id: r.id,
    itemId: r.itemId,
    stage: r.stage,
    rule: r.rule,
    ruleDetail: r.ruleDetail,
    strategy: r.strategy,
    outcome: r.outcome,
    trigger: r.trigger,
    detectedAt: iso(r.detectedAt),
    stalledSince: iso(r.stalledSince),
    durationMs: r.durationMs,
    detail: r.detail,
  };
}

const storeOnlyNote =
  'no engine runs in this process: expired leases and processes that are gone were checked; running too long and stalled progress are checked by the app or `lifeline serve`';

export function recoveryHandlers(ctx: ApiContext): { [C in RecoveryChannels]: Handler<C> } {
  const { store, recovery, engine } = ctx;
  const done = (outcomes: RecoveryOutcomeInfo[]) => outcomes;
  return {
    'recovery:stats': (req) => ({
      last24h: recoverySummary(store, ctx.clock.now() - 86_400_000),
      recent: store.recoveryLog.recent(req.limit).map(toRecoveryLogInfo),
      autoRecovery: (ctx.autoRecovery?.list() ?? []).map((a) => ({
        service: a.service,
        action: a.action,
        attempts: a.attempts,
        maxAttempts: a.maxAttempts,
        needsYou: a.needsYou,
        running: a.running,
      })),
    }),
    'recovery:recoverItem': (req) => {
      const r = recovery.recoverItem(req.id);
      if (r) return done([r])[0]!;
      const item = store.reads.summary(req.id);
      if (!item) throw new ApiError('NOT_FOUND', `there is no item ${req.id}`);
      if (req.ifStillRunning) {
        // The page showed it running a moment ago: it moved on by itself, which is an answer, not a fault.
        return {
          itemId: item.id,
          stage: item.stage,
          rule: 'manual',
          why: `it is ${item.state}`,
          strategy: 'none',
          result: 'lost_race',
        };
      }
      throw new ApiError(
        'INVALID_STATE',
        `item ${req.id} is ${item.state}; only running items can be recovered (retry dead or cancelled ones)`,
      );
    },
    'recovery:scan': () =>
      engine
        ? { recovered: done(engine.scanStuck()), scope: 'engine', note: null }
        : { recovered: done(recovery.scan([])), scope: 'store', note: storeOnlyNote },
    'recovery:resetStuck': () => ({
      recovered: done(recovery.resetStuck()),
      scope: engine ? 'engine' : 'store',
      note: null,
    }),
    'recovery:triggerStage': async (req) => {
      const handler = ctx.stages.find((s) => s.stage === req.stage);
      const service = handler?.service?.name ?? null;
      const recovered = done(recovery.resetStuck().filter((r) => r.stage === req.stage));
      if (!service) return { service, ran: null, recovered };
      if (!ctx.autoRecovery) {
        throw new ApiError(
          'INVALID_STATE',
          `the ${service} recovery handler runs inside the app or \`lifeline serve\`; start one, or reset its breaker`,
        );
      }
      const status = await ctx.autoRecovery.manual(service);
      return { service, ran: status?.action ?? null, recovered };
    },
    'recovery:triggerService': async (req) => {
      const auto = ctx.autoRecovery;
      if (!auto) {
        throw new ApiError(
          'INVALID_STATE',
          `recovery handlers run inside the app or \`lifeline serve\`; start one to recover "${req.name}"`,
        );
      }
      if (!auto.has(req.name)) {
        const withHandler = auto.list().map((a) => a.service);
        if (!ctx.health.detail(req.name)) throw new ApiError('NOT_FOUND', `there is no service "${req.name}"`);
        throw new ApiError(
          'INVALID_STATE',
          `"${req.name}" has no recovery handler (services with one: ${withHandler.join(', ') || 'none'})`,
        );
      }
      const ownStages = ctx.stages.filter((s) => s.service?.name === req.name).map((s) => s.stage);
      const recovered =
        ownStages.length > 0 ? done(recovery.resetStuck().filter((r) => ownStages.includes(r.stage))) : [];
      const run = await auto.manual(req.name);
      // The settings stopped using the service while its handler ran.
      if (!run) throw new ApiError('NOT_FOUND', `"${req.name}" is no longer used`);
      return {
        service: req.name,
        action: run.action,
        outcome: run.outcome === null ? 'already_running' : run.outcome.ok ? 'recovered' : 'failed',
        detail: run.outcome?.detail ?? 'a recovery run was already under way; its result shows here when it ends',
        recovered,
        autoRecovery: toAutoRecoveryInfo(run),
      };
    },
  };
}
