import type { BreakerInfo } from '../../shared/contract';
import { ApiError } from './api-error';
import { toBreakerInfo } from './breaker-info';
import type { ApiContext, Handler } from './handlers';

type BreakerChannels = 'breakers:list' | 'breakers:get' | 'breakers:reset' | 'breakers:resetAll';

export function breakersHandlers(ctx: ApiContext): { [C in BreakerChannels]: Handler<C> } {
  const { breakers, stages } = ctx;
  const one = (name: string): BreakerInfo => {
    breakers.reloadIfChanged();
    const v = breakers.view(name);
    if (!v)
      throw new ApiError(
        'NOT_FOUND',
        `there is no breaker "${name}" (known: ${breakers.names().join(', ') || 'none'})`,
      );
    return toBreakerInfo(v, stages);
  };
  return {
    'breakers:list': () => {
      breakers.reloadIfChanged();
      return breakers.list().map((v) => toBreakerInfo(v, stages));
    },
    'breakers:get': (req) => one(req.name),
    'breakers:reset': (req) => {
      one(req.name);
      breakers.reset(req.name);
      return one(req.name);
    },
    'breakers:resetAll': () => {
      breakers.reloadIfChanged();
      return { count: breakers.resetAll() };
    },
  };
}
