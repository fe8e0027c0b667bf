import { ApiError } from './api-error';
import type { ApiContext, Handler } from './handlers';

type RecordingChannels = 'recordings:start' | 'recordings:append' | 'recordings:finish' | 'recordings:cancel';

export function recordingHandlers(ctx: ApiContext): { [C in RecordingChannels]: Handler<C> } {
  return {
    // A recording already under way goes on (a second of audio is ~32 KB); a new one is refused on a full disk.
    'recordings:start': async (req) => {
      const refusal = await ctx.disk.intakeRefusal('a new recording');
      if (refusal) throw new ApiError('DISK_FULL', refusal);
      return ctx.recordings.start(req);
    },
    'recordings:append': (req) => ctx.recordings.append(req.id, req.offset, Buffer.from(req.data, 'base64')),
    'recordings:finish': (req) => ctx.recordings.finish(req.id),
    'recordings:cancel': (req) => ctx.recordings.cancel(req.id),
  };
}
