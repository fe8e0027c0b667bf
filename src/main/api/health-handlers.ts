import { ApiError } from './api-error';
import type { ApiContext, Handler } from './handlers';

type HealthChannels =
  'health:get' | 'health:service' | 'health:services' | 'health:events' | 'health:check' | 'deadLetters:markSeen';

/**
 * With an engine in this process its monitor answers from its last checks. Without one (the CLI)
 * the checks run here, against the store: the engine's own probes (workers, memory) are absent.
 */
export function healthHandlers(ctx: ApiContext): { [C in HealthChannels]: Handler<C> } {
  const { health } = ctx;
  let seeded = false;
  const fresh = async () => {
    if (ctx.engine) return health.snapshot();
    if (!seeded) {
      health.seedFromStore();
      seeded = true;
    }
    return health.checkNow();
  };
  return {
    'health:get': () => fresh(),
    'health:service': async (req) => {
      if (!ctx.engine) await fresh();
      const d = health.detail(req.name);
      if (!d) throw new ApiError('NOT_FOUND', `there is no service "${req.name}"`);
      return d;
    },
    'health:services': async () => {
      if (!ctx.engine) await fresh();
      return health.details();
    },
    'health:events': (req) => {
      if (req.name !== undefined && !health.detail(req.name))
        throw new ApiError('NOT_FOUND', `there is no service "${req.name}"`);
      return ctx.store.serviceEvents
        .recent(req.limit, req.name)
        .map((e) => ({ ...e, at: new Date(e.at).toISOString() }));
    },
    'deadLetters:markSeen': () => {
      const d = ctx.store.attention.markDeadLettersSeen(ctx.clock.now());
      // Another process's engine notices through its change feed (afterWrite); this one's status changes now.
      health.attentionChanged();
      return {
        deadLetters: d.total,
        newDeadLetters: d.unseen,
        seenAt: d.seenAt === null ? null : new Date(d.seenAt).toISOString(),
      };
    },
    'health:check': async (req) => {
      if (req.name !== undefined && !health.detail(req.name))
        throw new ApiError('NOT_FOUND', `there is no service "${req.name}"`);
      if (!seeded && !ctx.engine) {
        health.seedFromStore();
        seeded = true;
      }
      return health.checkNow(req.name);
    },
  };
}
