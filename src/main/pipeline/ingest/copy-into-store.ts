import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';

export interface CopyResult {
  sha256: string;
  bytes: number;
}

/**
 * Copies `source` to `target` so that `target` is either absent or complete: bytes go to a temp file
 * in the same data dir, are fsynced, then renamed over the target. Hashes while copying.
 */
export async function copyIntoStore(
  source: string,
  target: string,
  tmpDir: string,
  options: { signal?: AbortSignal; onBytes?: (copied: number) => void } = {},
): Promise<CopyResult> {
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.mkdirSync(tmpDir, { recursive: true });
  const tmp = path.join(
    tmpDir,
    `${path.basename(target)}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.part`,
  );
  const hash = crypto.createHash('sha256');
  let bytes = 0;
  const tap = new Transform({
    transform(chunk: Buffer, _enc, done) {
      hash.update(chunk);
      bytes += chunk.length;
      options.onBytes?.(bytes);
      done(null, chunk);
    },
  });
  try {
    const out = fs.createWriteStream(tmp, { flags: 'wx', mode: 0o600 });
    await pipeline(fs.createReadStream(source), tap, out, { signal: options.signal });
    const fd = fs.openSync(tmp, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, target);
  } catch (err: unknown) {
    fs.rmSync(tmp, { force: true });
    throw err;
  }
  return { sha256: hash.digest('hex'), bytes };
}

/** SHA-256 of a file, streamed. */
export async function hashFile(file: string, signal?: AbortSignal): Promise<{ sha256: string; bytes: number }> {
  const hash = crypto.createHash('sha256');
  let bytes = 0;
  for await (const chunk of fs.createReadStream(file, { signal }) as AsyncIterable<Buffer>) {
    hash.update(chunk);
    bytes += chunk.length;
  }
  return { sha256: hash.digest('hex'), bytes };
}

/** Where the stored copy of an audio with this hash lives inside the data dir. */
export function storedAudioPath(audioDir: string, sha256: string, originalName: string): string {
  const ext =
    path
      .extname(originalName)
      .toLowerCase()
      .replace(/[^.a-z0-9]/g, '')
      .slice(0, 8) || '.audio';
  return path.join(audioDir, sha256.slice(0, 2), `${sha256}${ext}`);
}
