import type { ErrorCode } from '../../shared/contract';
import { isRecordingError, type RecordingErrorKind } from '../pipeline/intake/recording-error';
import { missingCase } from '../../shared/missing-case';
import { ApiError } from './api-error';
import type { ApiContext, Handler } from './handlers';

type RecordingChannels = 'recordings:start' | 'recordings:append' | 'recordings:finish' | 'recordings:cancel';

function codeOf(kind: RecordingErrorKind): ErrorCode {
  switch (kind) {
    case 'not-found':
      return 'NOT_FOUND';
    case 'invalid-state':
      return 'INVALID_STATE';
    case 'invalid-chunk':
      return 'INVALID_REQUEST';
    default:
      return missingCase(kind);
  }
}

/** Runs a recording call, turning the sessions' domain errors into the contract's error codes. */
async function asApi<T>(call: () => T | Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (err: unknown) {
    if (isRecordingError(err)) throw new ApiError(codeOf(err.kind), err.message);
    throw err;
  }
}

export function recordingHandlers(ctx: ApiContext): { [C in RecordingChannels]: Handler<C> } {
  return {
    // A recording already under way goes on (a second of audio is ~32 KB); a new one is refused on a full disk.
    'recordings:start': async (req) => {
      const refusal = await ctx.disk.intakeRefusal('a new recording');
      if (refusal) throw new ApiError('DISK_FULL', refusal);
      return asApi(() => ctx.recordings.start(req));
    },
    'recordings:append': (req) =>
      asApi(() => ctx.recordings.append(req.id, req.offset, Buffer.from(req.data, 'base64'))),
    'recordings:finish': (req) => asApi(() => ctx.recordings.finish(req.id)),
    'recordings:cancel': (req) => asApi(() => ctx.recordings.cancel(req.id)),
  };
}
