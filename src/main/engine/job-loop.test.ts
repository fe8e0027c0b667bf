import crypto from 'node:crypto';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/support/temp-dir';
import { waitFor } from '../../../test/support/wait-for';
import { defaultConfig } from '../config/config';
import { dataPaths } from '../config/data-dir';
import { createLogger } from '../log/logger';
import { openStore, type Store } from '../store/store';
import { FakeClock } from '../time/clock';
import { stageBreakers } from '../../../test/support/stage-breakers';
import { Engine } from './engine';
import { transientError } from './stage-error';
import type { RunEnd, StageExecutor, WorkerLiveness } from './stage-executor';
import type { StageHandler } from './stage-handler';

const open: { engine: Engine; store: Store; clock: FakeClock }[] = [];
afterEach(async () => {
  for (const f of open.splice(0)) {
    const stopping = f.engine.stop(0);
    await f.clock.advanceAsync(f.engine.currentConfig.workerStopMs);
    await stopping;
    f.store.close();
  }
});

/** A stage whose runs last until the test ends them (or, unless `deaf`, until they are aborted). */
function heldStage(options: { deaf?: boolean; failFirst?: boolean } = {}) {
  const running = new Map<number, (fail?: boolean) => void>();
  let runs = 0;
  const stage: StageHandler = {
    stage: 'ingest',
    availability: () => ({ ok: true }),
    run: (ctx) =>
      new Promise((resolve, reject) => {
        if (options.failFirst && runs++ === 0) return reject(transientError('IO_EBUSY', 'the device was busy'));
        running.set(ctx.item.id, () => resolve('finished'));
        if (!options.deaf) ctx.signal.addEventListener('abort', () => reject(new Error('aborted')));
      }),
  };
  return { stage, running, finish: (id: number) => running.get(id)!() };
}

/** Fails the first run of `flaky*` files as a busy device would; other files pass. */
function flakyStage(): StageHandler {
  const failed = new Set<number>();
  return {
    stage: 'ingest',
    availability: () => ({ ok: true }),
    run: async (ctx) => {
      if (ctx.item.fileName.startsWith('flaky') && !failed.has(ctx.item.id)) {
        failed.add(ctx.item.id);
        throw transientError('IO_EBUSY', 'the device was busy');
      }
      return 'ok';
    },
  };
}

/** An engine with the user's default intervals and timeouts on a real store and a fake clock. */
function engineWith(stage: StageHandler, executor?: () => StageExecutor) {
  const clock = new FakeClock();
  const paths = dataPaths(path.join(tempDir(), 'data'));
  const store = openStore(paths);
  const log = createLogger(null, 'test');
  const engine = new Engine({
    store,
    paths,
    config: structuredClone(defaultConfig),
    clock,
    log,
    stages: [stage],
    breakers: stageBreakers({ store, clock, log, stages: [stage] }),
    executor,
  });
  open.push({ engine, store, clock });
  const add = (fileName = 'a.wav') =>
    engine.queue.add({
      sha256: crypto.randomBytes(32).toString('hex'),
      sourcePath: `/t/${fileName}`,
      fileName,
      sizeBytes: 1,
      priority: 0,
    }).itemId;
  const state = (id: number) => store.reads.summary(id)!.state;
  const events = (id: number) => store.reads.detail(id)!.events.map((e) => e.type);
  return { clock, store, engine, add, state, events };
}

describe('the job loop on the engine clock', () => {
  it('looks for work every second when nothing woke it (idle poll)', async () => {
    const held = heldStage();
    const f = engineWith(held.stage);
    f.engine.start();
    await f.clock.runDue();
    // Added without waking the engine (as a write it was not told about).
    const id = f.add();
    await f.clock.advanceAsync(999);
    expect(f.state(id)).toBe('queued');
    await f.clock.advanceAsync(1);
    expect(f.state(id)).toBe('running');
  });

  it('claims a retry when it falls due, without waiting for the next idle poll', async () => {
    const held = heldStage({ failFirst: true });
    const f = engineWith(held.stage);
    const id = f.add();
    f.engine.start();
    await waitFor('the first try to fail', () => f.state(id) === 'retry_scheduled');
    const due = Date.parse(f.store.reads.summary(id)!.runAt!) - f.clock.now();
    expect(due).toBeGreaterThanOrEqual(0);
    expect(due).toBeLessThanOrEqual(defaultConfig.stages.ingest.backoff.baseMs);
    await f.clock.advanceAsync(Math.max(0, due - 1));
    if (due > 0) expect(f.state(id)).toBe('retry_scheduled');
    await f.clock.advanceAsync(1);
    expect(f.state(id)).toBe('running');
    expect(f.store.reads.summary(id)!.attempts).toBe(2);
  });

  it('sends the end of a run whose normal write failed to the emergency path, retried 100 ms later, while the slot keeps working', async () => {
    const f = engineWith(flakyStage());
    // The disk is full for retry writes: the normal write and the minimal one both fail, for now.
    f.store.db.exec(`
      CREATE TRIGGER full_events BEFORE INSERT ON events WHEN NEW.type = 'retry_scheduled' BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END;
      CREATE TRIGGER full_jobs BEFORE UPDATE OF state ON jobs WHEN NEW.state = 'retry_scheduled' BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END;
    `);
    const flaky = f.add('flaky.wav');
    f.engine.start();
    await waitFor('the first try to fail', () => f.events(flaky).includes('started'));
    await f.clock.advanceAsync(99);
    expect(f.state(flaky)).toBe('running');

    const other = f.add('memo.wav');
    f.engine.wake();
    await waitFor('another item to pass', () => f.state(other) === 'done');
    expect(f.engine.isRunning).toBe(true);

    f.store.db.exec('DROP TRIGGER full_events; DROP TRIGGER full_jobs;');
    await f.clock.advanceAsync(1);
    expect(f.store.reads.summary(flaky)).toMatchObject({
      state: 'retry_scheduled',
      error: { code: 'IO_EBUSY', message: 'the device was busy' },
    });
    expect(f.engine.queue.leases.all()).toEqual([]);
    const events = f.store.reads.detail(flaky)!.events;
    expect(events.at(-1)!).toMatchObject({ type: 'emergency_write' });
    expect(events.at(-1)!.detail).toMatch(/recorded by the emergency path after 2 tries/);
    expect(events.at(-2)).toMatchObject({ type: 'retry_scheduled', error: { code: 'IO_EBUSY' } });
  });

  it('writes the audit rows of a disk-full outage once the disk is back, after the transition itself went through', async () => {
    const f = engineWith(flakyStage());
    f.store.db
      .exec(`CREATE TRIGGER full_events BEFORE INSERT ON events WHEN NEW.type IN ('retry_scheduled', 'emergency_write')
                     BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END;`);
    const flaky = f.add('flaky.wav');
    f.engine.start();
    await waitFor('the failure to be recorded by the emergency path', () => f.state(flaky) === 'retry_scheduled');
    const owed = () => f.events(flaky).filter((t) => t === 'retry_scheduled' || t === 'emergency_write');
    expect(f.events(flaky)).toEqual(['added', 'started']);

    // Audit retries: 100 ms doubling, then every 5 s. Meanwhile the retry itself comes due and passes.
    await f.clock.advanceAsync(20_000);
    expect(owed()).toEqual([]);
    f.store.db.exec('DROP TRIGGER full_events;');
    await f.clock.advanceAsync(5_000);
    expect(owed()).toEqual(['retry_scheduled', 'emergency_write']);
    // The failure's row keeps the failure's time, not the time the disk came back.
    expect(f.store.reads.detail(flaky)!.events.find((e) => e.type === 'retry_scheduled')).toMatchObject({
      error: { code: 'IO_EBUSY' },
      actor: 'engine',
      at: new Date(Date.UTC(2026, 0, 1)).toISOString(),
    });
  });

  /** A held job running, and the engine asked to stop: `stopped()` is what the stop answered, once it has. */
  async function stopWhileRunning() {
    const held = heldStage();
    const f = engineWith(held.stage);
    const id = f.add();
    f.engine.start();
    await waitFor('the job to run', () => held.running.has(id));
    let result: { finished: number; released: number } | undefined;
    void f.engine.stop().then((r) => (result = r));
    return { held, f, id, stopped: () => result };
  }

  it('gives running jobs the 30 s grace period at shutdown, then releases them with the attempt refunded', async () => {
    const { f, id, stopped } = await stopWhileRunning();
    await f.clock.advanceAsync(29_999);
    expect(stopped()).toBeUndefined();
    expect(f.state(id)).toBe('running');
    await f.clock.advanceAsync(1);
    await waitFor('the stop to end', stopped);
    expect(stopped()).toEqual({ finished: 0, released: 1 });
    expect(f.store.reads.summary(id)).toMatchObject({ state: 'queued', attempts: 0 });
    expect(f.store.reads.detail(id)!.events.at(-1)).toMatchObject({ type: 'released' });
  });

  it('records a job that finishes within the grace period as finished, without waiting out the rest', async () => {
    const { held, f, id, stopped } = await stopWhileRunning();
    await f.clock.advanceAsync(10_000);
    held.finish(id);
    await waitFor('the stop to end', stopped);
    expect(stopped()).toEqual({ finished: 1, released: 0 });
    expect(f.state(id)).toBe('done');
    expect(f.clock.monotonic()).toBe(10_000);
  });

  it('closes the executor 2 s after asking workers to stop, so a worker that does not stop cannot hold the shutdown', async () => {
    const workers = deafWorkers();
    const f = engineWith(heldStage().stage, () => workers.executor);
    workers.clock = f.clock;
    const id = f.add();
    f.engine.start();
    await waitFor('the job to run', () => workers.running.size === 1);
    let result: { finished: number; released: number } | undefined;
    void f.engine.stop(0).then((r) => (result = r));
    await f.clock.advanceAsync(1_999);
    expect(workers.closedAt).toBeUndefined();
    expect(f.state(id)).toBe('queued'); // released at once (no grace period), its run still going
    await f.clock.advanceAsync(1);
    expect(workers.closedAt).toBe(2_000);
    await waitFor('the stop to end', () => result);
    expect(result).toEqual({ finished: 0, released: 1 });
  });
});

/** Worker processes that ignore the request to stop: only closing them (killing them) ends their runs. */
function deafWorkers() {
  const w = {
    clock: undefined as FakeClock | undefined,
    running: new Set<(end: RunEnd) => void>(),
    closedAt: undefined as number | undefined,
    executor: undefined as unknown as StageExecutor,
  };
  w.executor = {
    mode: 'worker-processes',
    start: async () => {},
    capacity: () => 4 - w.running.size,
    run: () => new Promise<RunEnd>((resolve) => w.running.add(resolve)),
    kill: () => false,
    abortAll: () => {},
    recycle: () => 0,
    liveness: () => ({}) as WorkerLiveness,
    close: async () => {
      w.closedAt = w.clock!.monotonic();
      for (const end of w.running) end({ kind: 'lost', why: 'stopped', detail: 'killed at shutdown' });
      w.running.clear();
    },
  };
  return w;
}
