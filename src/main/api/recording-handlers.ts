import type { ApiContext, Handler } from './handlers';

type RecordingChannels = 'recordings:start' | 'recordings:append' | 'recordings:finish' | 'recordings:cancel';

export function recordingHandlers(ctx: ApiContext): { [C in RecordingChannels]: Handler<C> } {
  return {
    'recordings:start': (req) => ctx.recordings.start(req),
    'recordings:append': (req) => ctx.recordings.append(req.id, req.offset, Buffer.from(req.data, 'base64')),
    'recordings:finish': (req) => ctx.recordings.finish(req.id),
    'recordings:cancel': (req) => ctx.recordings.cancel(req.id),
  };
}
