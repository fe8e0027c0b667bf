import { SettingsError } from '../settings/settings-service';
import { ApiError } from './api-error';
import type { ApiContext, Handler } from './handlers';

type SettingsChannels = 'settings:get' | 'settings:set';

export function settingsHandlers(ctx: ApiContext): { [C in SettingsChannels]: Handler<C> } {
  return {
    'settings:get': () => {
      ctx.settings.reloadIfChanged();
      return ctx.settings.entries();
    },
    'settings:set': (req) => {
      try {
        return ctx.settings.write(req.values);
      } catch (err: unknown) {
        if (err instanceof SettingsError)
          throw new ApiError(err.kind === 'locked' ? 'INVALID_STATE' : 'INVALID_REQUEST', err.message);
        throw err;
      }
    },
  };
}
