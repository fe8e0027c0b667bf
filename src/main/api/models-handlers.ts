import type { ModelEntry } from '../../shared/contract';
import { isModelError } from '../pipeline/asr/model-manager';
import { ApiError } from './api-error';
import type { ApiContext, Handler } from './handlers';

type ModelChannels = 'models:list' | 'models:download' | 'models:cancel' | 'models:use' | 'models:remove';

/** Runs a model call, turning the manager's domain errors into the contract's codes. */
function asApi(call: () => ModelEntry): ModelEntry {
  try {
    return call();
  } catch (err: unknown) {
    if (isModelError(err)) throw new ApiError(err.kind === 'not-found' ? 'NOT_FOUND' : 'INVALID_STATE', err.message);
    throw err;
  }
}

export function modelsHandlers(ctx: ApiContext): { [C in ModelChannels]: Handler<C> } {
  return {
    'models:list': () => ctx.models.list(),
    'models:download': (req) => asApi(() => ctx.models.download(req.name)),
    'models:cancel': (req) => asApi(() => ctx.models.cancel(req.name)),
    'models:use': (req) => asApi(() => ctx.models.use(req.name)),
    'models:remove': (req) => asApi(() => ctx.models.remove(req.name)),
  };
}
