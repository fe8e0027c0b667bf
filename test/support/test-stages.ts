/**
 * Stages for self-healing tests, built the same way in the engine process and in worker processes
 * (`testStages(store)`; workers load this module by path). What a run does depends on the item's
 * file name, so a test scripts misbehaviour per item:
 *   abort-once-*   the first run anywhere calls process.abort() mid-job (a native crash)
 *   throw-once-*   the first run throws an uncaught error from a timer (the worker process exits)
 *   oom-once-*     the first run allocates until the worker's heap limit kills it
 *   hang-once-*    the first run spins forever on the event loop (no heartbeats: a hung worker)
 *   slow-once-*    the first run takes LIFELINE_TEST_SLOW_MS (default 2500) before writing, and
 *                  ignores its abort signal meanwhile (like a native call that cannot be interrupted)
 *   pause-N-*      takes N ms (honouring its abort signal)
 *   bad-*          fails with a permanent error (BAD_AUDIO): a dead letter at once
 *   anything else  takes a random LIFELINE_TEST_MIN_MS..LIFELINE_TEST_MAX_MS (default 5..30)
 * A worker can also be made slow to start (LIFELINE_TEST_WORKER_START_MS, see testStages).
 * "First run" is tracked with marker files in the data dir, so it holds across processes.
 *
 * Every stage writes its output row fenced by the lease (INSERT OR REPLACE, keyed by item and
 * stage, carrying the token), and logs refused writes, so tests can check that an item has exactly
 * one output per stage and that it came from the run that succeeded.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Stage } from '../../src/shared/contract';
import { permanentError, serviceError } from '../../src/main/engine/stage-error';
import type { StageContext, StageHandler, StageService } from '../../src/main/engine/stage-handler';
import { workerEnv } from '../../src/main/engine/worker/worker-protocol';
import type { Store } from '../../src/main/store/store';

const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);

export function ensureTestTables(store: Store): void {
  store.db.exec(`
    CREATE TABLE IF NOT EXISTS test_outputs (item_id INTEGER NOT NULL, stage TEXT NOT NULL, token INTEGER NOT NULL, pid INTEGER NOT NULL,
      PRIMARY KEY (item_id, stage)) STRICT;
    CREATE TABLE IF NOT EXISTS test_refused (item_id INTEGER NOT NULL, stage TEXT NOT NULL, token INTEGER NOT NULL, pid INTEGER NOT NULL) STRICT;
  `);
}

function firstRun(ctx: StageContext, kind: string): boolean {
  const dir = path.join(ctx.paths.dataDir, 'test-markers');
  fs.mkdirSync(dir, { recursive: true });
  try {
    fs.writeFileSync(path.join(dir, `${kind}-${ctx.item.id}-${ctx.lease.token}`), '', { flag: 'wx' });
    return fs.readdirSync(dir).filter((f) => f.startsWith(`${kind}-${ctx.item.id}-`)).length === 1;
  } catch {
    return false;
  }
}

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const t = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(t);
      reject(signal.reason instanceof Error ? signal.reason : new Error('aborted'));
    });
  });

/** Writes the stage's output only while the lease is held; a refused write is logged, not thrown. */
function writeOutput(store: Store, ctx: StageContext, stage: Stage): void {
  const r = store.fence.write(ctx.lease, () =>
    store.db
      .prepare(`INSERT OR REPLACE INTO test_outputs (item_id, stage, token, pid) VALUES (?, ?, ?, ?)`)
      .run(ctx.item.id, stage, ctx.lease.token, process.pid),
  );
  if (!r.ok) {
    store.db
      .prepare(`INSERT INTO test_refused (item_id, stage, token, pid) VALUES (?, ?, ?, ?)`)
      .run(ctx.item.id, stage, ctx.lease.token, process.pid);
    throw new Error('output refused: the lease is no longer ours');
  }
}

async function work(store: Store, ctx: StageContext, stage: Stage): Promise<string> {
  const name = ctx.item.fileName;
  ctx.progress({ step: stage, percent: 10, message: null });
  if (name.startsWith('bad-')) throw permanentError('BAD_AUDIO', `${name} is not audio`);
  if (name.startsWith('abort-once-') && firstRun(ctx, 'abort')) {
    await sleep(50, ctx.signal);
    process.abort();
  }
  if (name.startsWith('throw-once-') && firstRun(ctx, 'throw')) {
    setTimeout(() => {
      throw new Error('a bug nobody caught');
    }, 20);
    await sleep(60_000, ctx.signal);
  }
  if (name.startsWith('oom-once-') && firstRun(ctx, 'oom')) {
    const hog: number[][] = [];
    for (;;) hog.push(new Array<number>(1_000_000).fill(Math.random()));
  }
  if (name.startsWith('hang-once-') && firstRun(ctx, 'hang')) {
    await sleep(50, ctx.signal);
    for (;;) {
      // A hung native call or an infinite loop: no heartbeat can run.
    }
  }
  const min = env('LIFELINE_TEST_MIN_MS', 5);
  const max = env('LIFELINE_TEST_MAX_MS', 30);
  const slow = name.startsWith('slow-once-') && firstRun(ctx, 'slow');
  const pause = /^pause-(\d+)-/.exec(name);
  const ms = slow ? env('LIFELINE_TEST_SLOW_MS', 2500) : pause ? Number(pause[1]) : min + Math.random() * (max - min);
  ctx.progress({ step: stage, percent: 50, message: null });
  await sleep(ms, slow ? new AbortController().signal : ctx.signal);
  writeOutput(store, ctx, stage);
  return `${stage} took ${ms.toFixed(0)} ms`;
}

function outputComplete(store: Store, itemId: number, stage: Stage): boolean {
  return (
    store.db.prepare(`SELECT 1 FROM test_outputs WHERE item_id = ? AND stage = ?`).get(itemId, stage) !== undefined
  );
}

function localStage(store: Store, stage: Stage): StageHandler {
  return {
    stage,
    availability: () => ({ ok: true }),
    run: (ctx) => work(store, ctx, stage),
    isOutputComplete: (itemId) => outputComplete(store, itemId, stage),
  };
}

/** A stage that calls the test HTTP service at LIFELINE_TEST_SERVICE_URL; timeouts, refusals and 5xx are service faults. */
export function httpStage(store: Store, stage: Stage, url: string): StageHandler {
  const call = async (pathName: string, signal: AbortSignal) => {
    let res: Response;
    try {
      res = await fetch(new URL(pathName, url), { signal: AbortSignal.any([signal, AbortSignal.timeout(1000)]) });
    } catch (err: unknown) {
      if (signal.aborted) throw err;
      const cause = (err as { cause?: { code?: string } }).cause?.code ?? (err as Error).name;
      throw serviceError(
        cause === 'TimeoutError' ? 'ASR_TIMEOUT' : 'ASR_UNREACHABLE',
        `the test ASR did not answer (${cause})`,
        err,
      );
    }
    if (res.status >= 500) throw serviceError('ASR_5XX', `the test ASR answered ${res.status}`);
    return res.text();
  };
  const service: StageService = {
    name: 'asr',
    label: 'Test ASR',
    kind: 'http-endpoint',
    probe: (signal) => call('/health', signal).then(() => undefined),
  };
  return {
    stage,
    service,
    availability: () => ({ ok: true }),
    async run(ctx) {
      const text = await call(`/transcribe?item=${ctx.item.id}`, ctx.signal);
      writeOutput(store, ctx, stage);
      return `transcribed: ${text}`;
    },
    isOutputComplete: (itemId) => outputComplete(store, itemId, stage),
  };
}

/** ingest → transcribe, both local; with a service URL, transcribe calls that HTTP service. */
export function testStagesFor(options: { serviceUrl?: string }): (store: Store) => StageHandler[] {
  return (store) => {
    ensureTestTables(store);
    const url = options.serviceUrl;
    return [localStage(store, 'ingest'), url ? httpStage(store, 'transcribe', url) : localStage(store, 'transcribe')];
  };
}

/**
 * The stages as workers build them: the service URL comes from LIFELINE_TEST_SERVICE_URL. A worker
 * process takes LIFELINE_TEST_WORKER_START_MS (default 0) to build them, blocked as a worker loading
 * a speech model is: a slow start, before it says `ready`. The engine process builds them at once.
 */
export function testStages(store: Store): StageHandler[] {
  const startMs = env('LIFELINE_TEST_WORKER_START_MS', 0);
  if (startMs > 0 && process.env[workerEnv.dataDir])
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, startMs);
  return testStagesFor({ serviceUrl: process.env.LIFELINE_TEST_SERVICE_URL })(store);
}

export const testStagesModule = path.join(__dirname, 'test-stages.ts');
