import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

export interface ModelServerOptions {
  /** Bytes of the fake model (after the ggml magic). Default 400,000. */
  size?: number;
  /** The first download breaks off after this many bytes, as a flaky connection would. */
  cutFirstAfter?: number;
  /** Pause between 16 KiB pieces, ms, so a browser sees the progress move. Default 0. */
  pieceDelayMs?: number;
}

export interface ModelServer {
  url: string;
  /** A catalogue file for $LIFELINE_MODEL_CATALOGUE: good models "tiny-test" and "turbo-test", and "bad-test" whose checksum is wrong. */
  catalogueFile: string;
  payload: Buffer;
  /** The Range header of every model request, in order. */
  ranges: (string | undefined)[];
  close(): Promise<void>;
}

/**
 * A model mirror on 127.0.0.1 serving a fake whisper.cpp model (right magic, any bytes) with byte
 * ranges, as the real host does; the download code under test is the real one.
 */
export async function startModelServer(dir: string, options: ModelServerOptions = {}): Promise<ModelServer> {
  const payload = Buffer.concat([Buffer.from('lmgg'), crypto.randomBytes(options.size ?? 400_000)]);
  const second = Buffer.concat([Buffer.from('lmgg'), crypto.randomBytes(50_000)]);
  const sha = (b: Buffer) => crypto.createHash('sha256').update(b).digest('hex');
  const ranges: (string | undefined)[] = [];
  let served = 0;
  const server = http.createServer((req, res) => {
    ranges.push(req.headers.range);
    const from = Number(/bytes=(\d+)-/.exec(req.headers.range ?? '')?.[1] ?? 0);
    const body = (req.url?.includes('turbo-test') ? second : payload).subarray(from);
    res.writeHead(from > 0 ? 206 : 200, {
      'content-length': String(body.length),
      'content-type': 'application/octet-stream',
    });
    const cut = served++ === 0 ? options.cutFirstAfter : undefined;
    const end = cut ?? body.length;
    let at = 0;
    const next = () => {
      if (res.destroyed) return;
      if (at >= end) return cut !== undefined ? res.destroy() : res.end();
      const piece = body.subarray(at, Math.min(end, at + 16_384));
      at += piece.length;
      res.write(piece, () => (options.pieceDelayMs ? setTimeout(next, options.pieceDelayMs) : next()));
    };
    next();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const catalogueFile = path.join(dir, 'catalogue.json');
  fs.writeFileSync(
    catalogueFile,
    JSON.stringify([
      {
        name: 'tiny-test',
        file: 'ggml-tiny-test.bin',
        url: `${url}/ggml-tiny-test.bin`,
        sha256: sha(payload),
        megabytes: 0.4,
      },
      {
        name: 'turbo-test',
        file: 'ggml-turbo-test.bin',
        url: `${url}/ggml-turbo-test.bin`,
        sha256: sha(second),
        megabytes: 0.1,
      },
      {
        name: 'bad-test',
        file: 'ggml-bad-test.bin',
        url: `${url}/ggml-bad-test.bin`,
        sha256: '0'.repeat(64),
        megabytes: 0.4,
      },
    ]),
  );
  return {
    url,
    catalogueFile,
    payload,
    ranges,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
