import crypto from 'node:crypto';
import fs from 'node:fs';
import type http from 'node:http';
import path from 'node:path';
import { maxUploadBytes, type AddFilesResult, type ErrorCode } from '../../../shared/contract';
import type { Lifeline } from '../../lifeline';
import { adoptIntoStore } from '../../pipeline/intake/adopt-into-store';
import { sniffAudioFile } from '../../pipeline/intake/audio-sniff';
import { formatBytes } from '../../../shared/text/byte-size';

type Fail = (status: number, code: ErrorCode, message: string) => void;

class UploadTooLarge extends Error {}
class UploadStalled extends Error {}

/** How long an upload may send nothing before it is given up and its `.part` removed, ms. */
export const defaultUploadIdleMs = 60_000;

const spaceErrors = new Set(['ENOSPC', 'EDQUOT', 'EFBIG']);
const noSpaceMessage = (code: string, name: string) =>
  `the disk is full (${code}): ${name} was not stored; free some space and try again`;

/** The user's file name, made safe to be a file name (no directories), or null if nothing is left. */
export function uploadName(raw: string | null): string | null {
  const name = (raw ?? '')
    .split(/[/\\]/)
    .pop()!
    .replace(/[\0-\x1f]/g, '')
    .trim();
  return name === '' || name === '.' || name === '..' || name.length > 255 ? null : name;
}

/**
 * POST /api/upload?name=<file name>[&priority=N]: "Add files…" and drops in the headless UI. The body
 * is the file's bytes, streamed to tmp/ while hashing, fsynced, then moved into the store and
 * enqueued like any added file (the same audio twice is one item). A client that goes away, a
 * body over the limit, or content that is not audio (415 NOT_AUDIO) leaves nothing behind.
 */
export async function handleUpload(
  app: Lifeline,
  url: URL,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  fail: Fail,
  idleMs = defaultUploadIdleMs,
): Promise<void> {
  const name = uploadName(url.searchParams.get('name'));
  if (!name) return fail(400, 'INVALID_REQUEST', 'the upload needs ?name= with the file name (at most 255 characters)');
  const priority = Number(url.searchParams.get('priority') ?? 0);
  if (!Number.isInteger(priority) || priority < -100 || priority > 100)
    return fail(400, 'INVALID_REQUEST', 'priority must be a whole number from -100 to 100');
  const tooLarge = `${name} is larger than ${maxUploadBytes / 1024 ** 3} GiB, the most a browser upload takes; add it from the command line (lifeline add) instead`;
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (declared > maxUploadBytes) {
    res.setHeader('connection', 'close');
    return fail(413, 'TOO_LARGE', tooLarge);
  }
  const refusal = await app.disk.intakeRefusal(name);
  if (refusal) {
    res.setHeader('connection', 'close');
    return fail(507, 'DISK_FULL', refusal);
  }
  fs.mkdirSync(app.paths.tmp, { recursive: true });
  const tmp = path.join(app.paths.tmp, `upload-${process.pid}-${crypto.randomBytes(6).toString('hex')}.part`);
  const hash = crypto.createHash('sha256');
  let bytes = 0;
  // A client that opens an upload and then sends nothing would hold a file and a socket for good.
  let stalled = false;
  req.setTimeout(idleMs, () => {
    stalled = true;
    res.setHeader('connection', 'close');
    // The answer is flushed first, then the socket is cut, which ends the read loop below.
    res.once('finish', () => req.destroy(new UploadStalled()));
    fail(
      408,
      'INVALID_REQUEST',
      `the upload of ${name} sent nothing for ${Math.round(idleMs / 1000)} s and was given up; nothing was stored`,
    );
  });
  let noSpace: string | null = null;
  try {
    const fh = await fs.promises.open(tmp, 'wx', 0o600);
    try {
      for await (const chunk of req as AsyncIterable<Buffer>) {
        bytes += chunk.length;
        if (bytes > maxUploadBytes) throw new UploadTooLarge();
        // After a full disk the rest of the body is read and thrown away rather than the socket
        // cut: a client that is still sending then gets its 507 instead of a reset.
        if (noSpace) continue;
        hash.update(chunk);
        try {
          await fh.write(chunk);
        } catch (err: unknown) {
          const code = (err as NodeJS.ErrnoException).code ?? '';
          if (!spaceErrors.has(code)) throw err;
          noSpace = code;
          fs.rmSync(tmp, { force: true });
          app.log.warn({ code, bytes }, 'upload refused: the disk is full');
          void app.disk.read().catch(() => undefined);
          res.setHeader('connection', 'close');
          fail(507, 'DISK_FULL', noSpaceMessage(code, name));
        }
      }
      if (!noSpace) await fh.sync();
    } finally {
      await fh.close();
    }
    if (noSpace) return;
    if (!req.complete) throw new Error('the upload was cut off before its end');
  } catch (err: unknown) {
    fs.rmSync(tmp, { force: true });
    if (stalled) {
      app.log.warn(
        { bytes, idleMs },
        'upload stalled: nothing arrived for the idle limit; its partial file was removed',
      );
      return;
    }
    if (noSpace) return;
    if (err instanceof UploadTooLarge) {
      res.setHeader('connection', 'close');
      return fail(413, 'TOO_LARGE', tooLarge);
    }
    const code = (err as NodeJS.ErrnoException).code ?? '';
    if (spaceErrors.has(code) && !res.headersSent) {
      res.setHeader('connection', 'close');
      return fail(507, 'DISK_FULL', noSpaceMessage(code, name));
    }
    app.log.warn({ err, bytes }, 'upload failed');
    if (!res.writableEnded && !req.destroyed)
      fail(400, 'INVALID_REQUEST', `the upload of ${name} did not arrive whole; try again`);
    return;
  }
  req.setTimeout(0);
  const sha256 = hash.digest('hex');
  let sniffed;
  try {
    sniffed = await sniffAudioFile(tmp, name);
  } catch (err: unknown) {
    fs.rmSync(tmp, { force: true });
    app.log.error({ err }, 'reading an upload back failed');
    return fail(500, 'INTERNAL', `${name} arrived but could not be read back; the log has the details`);
  }
  if (!sniffed.ok) {
    fs.rmSync(tmp, { force: true });
    app.log.info({ code: sniffed.code, bytes }, 'upload refused: not audio');
    return fail(415, sniffed.code, sniffed.message);
  }
  let r;
  try {
    r = adoptIntoStore(
      app.queue,
      app.store.files,
      app.paths,
      {
        file: tmp,
        sha256,
        bytes,
        fileName: name,
        priority,
        event: { type: 'added', actor: 'user', detail: `uploaded ${name} (${formatBytes(bytes)})` },
      },
      app.clock.now(),
    );
  } catch (err: unknown) {
    fs.rmSync(tmp, { force: true });
    const code = (err as NodeJS.ErrnoException).code ?? '';
    if (spaceErrors.has(code) || code === 'SQLITE_FULL') {
      return fail(507, 'DISK_FULL', noSpaceMessage(code, name));
    }
    app.log.error({ err }, 'storing an upload failed');
    return fail(500, 'INTERNAL', `${name} arrived but could not be stored; the log has the details`);
  }
  if (r.outcome !== 'duplicate') await app.afterWrite();
  const entry = { id: r.itemId, file: name };
  const value: AddFilesResult = {
    added: r.outcome === 'duplicate' ? [] : [entry],
    duplicates: r.outcome === 'duplicate' ? [entry] : [],
    rejected: [],
  };
  res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify({ ok: true, value }));
}
