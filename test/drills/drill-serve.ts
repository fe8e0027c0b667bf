/**
 * What the worker drills share: a real `lifeline serve` with the defaults (only the ASR engine is
 * chosen: a fast fake whisper.cpp server on 127.0.0.1), its API, its database read-only, and the
 * memory of its worker processes.
 */
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import http from 'node:http';
import path from 'node:path';
import Database from 'better-sqlite3';
import { listenOnLoopback } from '../support/fake-services';
import { startServe, type ServeProcess } from '../support/serve-process';

/**
 * A whisper.cpp `/inference` stand-in that drains each upload and answers at once; `hangOnChunk: n`
 * hangs the n-th distinct chunk every time, until `stopHanging()` (the server is fixed). Checks (a
 * moment of silence, under a second) are answered and never numbered as chunks.
 */
export async function fastWhisper(options: { hangOnChunk?: number } = {}) {
  const seen = new Map<string, number>();
  const perChunk = new Map<number, number>();
  let requests = 0;
  let checks = 0;
  let hung = 0;
  let hanging = options.hangOnChunk !== undefined;
  const server = http.createServer((req, res) => {
    if (req.method === 'GET') return void res.writeHead(200).end('ok');
    const parts: Buffer[] = [];
    req.on('data', (d: Buffer) => parts.push(d));
    req.on('end', () => {
      requests++;
      const answer = () =>
        res
          .writeHead(200, { 'content-type': 'application/json' })
          .end(JSON.stringify({ text: 'hello there', segments: [{ start: 0, end: 1, text: ' hello there' }] }));
      // Multipart boundaries differ per request: a chunk is known by its first samples.
      const body = Buffer.concat(parts);
      const at = body.indexOf('RIFF');
      if (at >= 0 && body.readUInt32LE(at + 40) < 32_000) {
        checks++;
        return answer();
      }
      const key = crypto
        .createHash('sha256')
        .update(body.subarray(at + 44, at + 44 + 64_000))
        .digest('hex');
      if (!seen.has(key)) seen.set(key, seen.size + 1);
      const n = seen.get(key)!;
      perChunk.set(n, (perChunk.get(n) ?? 0) + 1);
      if (hanging && n === options.hangOnChunk) {
        hung++;
        return;
      }
      answer();
    });
  });
  const listening = await listenOnLoopback(server);
  return {
    ...listening,
    requests: () => requests,
    hung: () => hung,
    /** Real-work checks answered (silence under a second). */
    checks: () => checks,
    /** Requests for the n-th distinct chunk. */
    requestsFor: (n: number) => perChunk.get(n) ?? 0,
    stopHanging: () => void (hanging = false),
  };
}

export interface DrillServe extends ServeProcess {
  dataDir: string;
  call<T>(channel: string, request: unknown): Promise<T>;
  db(): Database.Database;
  stop(): Promise<void>;
}

export async function startDrillServe(dir: string, asrUrl: string): Promise<DrillServe> {
  const dataDir = path.join(dir, 'data');
  // Recordings are added over the API from the drill's folder, which the user lets the app add from.
  const serve = await startServe(dataDir, {
    LIFELINE_ASR_ENGINE: 'whisper-server',
    LIFELINE_ASR_URL: asrUrl,
    LIFELINE_ADD_FROM_DIR: dir,
  });
  let db: Database.Database | null = null;
  return {
    ...serve,
    dataDir,
    async call<T>(channel: string, request: unknown): Promise<T> {
      const res = await fetch(new URL(`api/call/${channel}`, serve.url), {
        method: 'POST',
        headers: { authorization: `Bearer ${serve.token}`, 'content-type': 'application/json' },
        body: JSON.stringify(request),
      });
      const r = (await res.json()) as { ok: true; value: T } | { ok: false; error: { code: string; message: string } };
      if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
      return r.value;
    },
    db() {
      db ??= new Database(path.join(dataDir, 'lifeline.db'), { readonly: true, fileMustExist: true });
      return db;
    },
    async stop() {
      db?.close();
      serve.child.kill('SIGTERM');
      await serve.done;
    },
  };
}

export async function addFile(serve: DrillServe, file: string): Promise<number> {
  const r = await serve.call<{ added: { id: number }[]; rejected: { message: string }[] }>('items:add', {
    paths: [file],
  });
  const added = r.added[0];
  if (!added) throw new Error(`add refused: ${JSON.stringify(r)}`);
  return added.id;
}

export interface ItemFacts {
  state: string;
  stage: string;
  errorCode: string | null;
  errorMessage: string | null;
  recoveries: number;
}

export function itemFacts(serve: DrillServe, itemId: number): ItemFacts {
  const db = serve.db();
  const job = db.prepare(`SELECT state, stage, error_code, error_message FROM jobs WHERE item_id = ?`).get(itemId) as
    { state: string; stage: string; error_code: string | null; error_message: string | null } | undefined;
  const recoveries = db.prepare(`SELECT count(*) FROM recovery_log WHERE item_id = ?`).pluck().get(itemId) as number;
  return {
    state: job?.state ?? 'unknown',
    stage: job?.stage ?? '',
    errorCode: job?.error_code ?? null,
    errorMessage: job?.error_message ?? null,
    recoveries,
  };
}

/** Pids of a process's children (the worker processes of `serve`), and theirs. */
export function childrenOf(pid: number): number[] {
  try {
    return execFileSync('ps', ['-o', 'pid=', '--ppid', String(pid)], { encoding: 'utf8' })
      .split('\n')
      .map((s) => Number(s.trim()))
      .filter((n) => n > 0);
  } catch {
    return [];
  }
}

export function rssMb(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

/** Samples the peak RSS of serve's workers (its children) and of their children (ffmpeg) until stopped. */
export function watchMemory(servePid: number, everyMs = 250) {
  let worker = 0;
  let decoder = 0;
  const timer = setInterval(() => {
    for (const w of childrenOf(servePid)) {
      worker = Math.max(worker, rssMb(w));
      for (const c of childrenOf(w)) decoder = Math.max(decoder, rssMb(c));
    }
  }, everyMs);
  return {
    stop() {
      clearInterval(timer);
      return { peakWorkerRssMb: Math.round(worker), peakDecoderRssMb: Math.round(decoder) };
    },
  };
}

export async function until<T>(
  what: string,
  check: () => T | Promise<T>,
  timeoutMs: number,
  everyMs = 500,
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v) return v as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`timed out after ${Math.round(timeoutMs / 1000)} s waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

export function drillDir(name: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `drill-${name}-`));
}
