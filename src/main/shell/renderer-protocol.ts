import fs from 'node:fs/promises';
import { createReadStream } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { protocol } from 'electron';
import type { StoredAudio } from '../api/stored-audio';
import { parseRange } from '../api/byte-range';
import { builtFileContentType } from '../api/http/static-files';
import { builtFileFor, rendererHost, rendererScheme, type RendererLocation } from './renderer-location';

/** Must run before the app is ready: a standard, secure scheme gets a real origin and module scripts; `stream` lets media seek. */
export function registerRendererScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: rendererScheme, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
  ]);
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await fs.stat(file)).isFile();
  } catch {
    return false;
  }
}

/** An item's stored copy, or the message saying why there is none (thrown as an ApiError). */
export type AudioLookup = (rawId: string) => StoredAudio;

/** The same answer as the headless server's /api/audio/<id>: whole file or one byte range. */
function audioResponse(request: Request, lookup: AudioLookup, rawId: string): Response {
  let audio: StoredAudio;
  try {
    audio = lookup(rawId);
  } catch (err: unknown) {
    return new Response(err instanceof Error ? err.message : 'no audio', { status: 404 });
  }
  const headers = { 'Content-Type': audio.contentType, 'Accept-Ranges': 'bytes', 'Cache-Control': 'no-cache' };
  const range = parseRange(request.headers.get('range'), audio.size);
  if (range === 'unsatisfiable')
    return new Response(null, { status: 416, headers: { ...headers, 'Content-Range': `bytes */${audio.size}` } });
  const { start, end } = range ?? { start: 0, end: audio.size - 1 };
  const length = audio.size === 0 ? 0 : end - start + 1;
  const body =
    length === 0 ? null : (Readable.toWeb(createReadStream(audio.file, { start, end })) as ReadableStream<Uint8Array>);
  return new Response(body, {
    status: range ? 206 : 200,
    headers: {
      ...headers,
      'Content-Length': String(length),
      ...(range ? { 'Content-Range': `bytes ${start}-${end}/${audio.size}` } : {}),
    },
  });
}

/**
 * Serves `app://lifeline/`: stored audio under /api/audio/<id> (for the player, with byte ranges),
 * and the built renderer: only files inside it, read-only, with the policy set on every response.
 * Unknown paths get index.html (client-side routes).
 */
export function serveBuiltRenderer(renderer: RendererLocation, policy: string, audio: AudioLookup): void {
  const dir = renderer.builtDir;
  protocol.handle(rendererScheme, async (request) => {
    const url = new URL(request.url);
    if (url.host !== rendererHost || request.method !== 'GET') return new Response('not found', { status: 404 });
    const audioId = /^\/api\/audio\/([^/]+)$/.exec(url.pathname)?.[1];
    if (audioId !== undefined) return audioResponse(request, audio, audioId);
    const file = dir === null ? null : builtFileFor(dir, url.pathname);
    if (file === null || dir === null) return new Response('not found', { status: 404 });
    const target = (await isFile(file)) ? file : path.join(dir, 'index.html');
    let body: Buffer;
    try {
      body = await fs.readFile(target);
    } catch {
      return new Response('The Lifeline UI is not built: run `npm run build`.', { status: 503 });
    }
    return new Response(new Uint8Array(body), {
      headers: {
        'Content-Type': builtFileContentType(target),
        'Content-Security-Policy': policy,
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'no-cache',
      },
    });
  });
}
