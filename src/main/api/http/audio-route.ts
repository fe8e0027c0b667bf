import fs from 'node:fs';
import type http from 'node:http';
import type { ErrorCode } from '../../../shared/contract';
import type { Store } from '../../store/store';
import { isApiError } from '../api-error';
import { storedAudio } from '../stored-audio';
import { parseRange } from '../byte-range';

type Fail = (status: number, code: ErrorCode, message: string) => void;

/**
 * GET/HEAD /api/audio/<id>: an item's stored copy for the page's `<audio>` element, with byte
 * ranges so it can seek. The token arrives in the query (a media element cannot send a header); the
 * page's CSP allows media from its own origin, which this is.
 */
export function serveAudio(
  store: Store,
  rawId: string,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  fail: Fail,
): void {
  let audio;
  try {
    audio = storedAudio(store, rawId);
  } catch (err: unknown) {
    if (!isApiError(err)) throw err;
    return fail(err.code === 'INVALID_REQUEST' ? 400 : 404, err.code, err.message);
  }
  const range = parseRange(req.headers.range, audio.size);
  const headers: http.OutgoingHttpHeaders = {
    'content-type': audio.contentType,
    'accept-ranges': 'bytes',
    'cache-control': 'private, no-cache',
    'x-content-type-options': 'nosniff',
  };
  if (range === 'unsatisfiable') {
    res.writeHead(416, { ...headers, 'content-range': `bytes */${audio.size}` }).end();
    return;
  }
  const { start, end } = range ?? { start: 0, end: audio.size - 1 };
  const length = audio.size === 0 ? 0 : end - start + 1;
  res.writeHead(range ? 206 : 200, {
    ...headers,
    'content-length': length,
    ...(range ? { 'content-range': `bytes ${start}-${end}/${audio.size}` } : {}),
  });
  if (req.method === 'HEAD' || length === 0) {
    res.end();
    return;
  }
  const stream = fs.createReadStream(audio.file, { start, end });
  stream.on('error', () => res.destroy());
  res.on('close', () => stream.destroy());
  stream.pipe(res);
}
