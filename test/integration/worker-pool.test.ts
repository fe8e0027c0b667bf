import { afterEach, describe, expect, it } from 'vitest';
import type { Stage } from '../../src/shared/contract';
import { defaultConfig } from '../../src/main/config/config';
import type { JobToRun } from '../../src/main/engine/stage-executor';
import { createLogger } from '../../src/main/log/logger';
import { WorkerPool, type WorkerPoolOptions } from '../../src/main/engine/worker/worker-pool';
import { workersHealth } from '../../src/main/health/workers-health-policy';
import { FakeClock, systemClock } from '../../src/main/time/clock';
import { fakeLauncher } from '../support/fake-worker-launcher';
import { waitFor } from '../support/wait-for';

const pools: WorkerPool[] = [];
afterEach(async () => {
  for (const p of pools.splice(0)) await p.close();
});

function pool(launcher: ReturnType<typeof fakeLauncher>['launcher'], size = 2, more: Partial<WorkerPoolOptions> = {}) {
  const p = new WorkerPool({
    launcher,
    spec: { dataDir: '/nowhere', maxHeapMb: 256 },
    size,
    clock: systemClock,
    log: createLogger(null, 'test'),
    stopMs: 100,
    ...more,
  });
  pools.push(p);
  return p;
}

const job = (itemId: number, stage: Stage = 'ingest', heartbeatMs = 100): JobToRun => ({
  itemId,
  token: 1,
  stage,
  attempts: 1,
  maxAttempts: 3,
  leaseMs: 1000,
  heartbeatMs,
});

describe('the worker pool', () => {
  it('starts no worker at start, one for the first job of a stage, and hands the next job of that stage to it', async () => {
    const f = fakeLauncher({ runMs: 5 });
    const p = pool(f.launcher);
    await p.start();
    expect(f.launched).toHaveLength(0);
    expect(workersHealth(p.liveness())).toEqual({
      status: 'up',
      message: 'idle, started on demand (up to 2 worker processes)',
    });
    expect(p.capacity('ingest')).toBe(2);
    expect(await p.run(job(1), () => {})).toMatchObject({ kind: 'outcome' });
    expect(f.launched.map((w) => w.spec?.stage)).toEqual(['ingest']);
    expect(await p.run(job(2), () => {})).toMatchObject({ kind: 'outcome' });
    expect(f.launched).toHaveLength(1);
    expect(workersHealth(p.liveness())).toMatchObject({
      status: 'up',
      message: '1 of up to 2 workers running, 0 busy',
    });
  });

  it('gives each stage its own workers, replacing an idle worker of another stage when the pool is full', async () => {
    const f = fakeLauncher({ runMs: 5 });
    const p = pool(f.launcher, 1);
    await p.start();
    await p.run(job(1, 'ingest'), () => {});
    expect(p.capacity('transcribe')).toBe(1);
    expect(await p.run(job(2, 'transcribe'), () => {})).toMatchObject({ kind: 'outcome' });
    expect(f.launched.map((w) => w.spec?.stage)).toEqual(['ingest', 'transcribe']);
    expect(f.launched[0]!.received.some((m) => m.type === 'stop')).toBe(true);
    expect(f.launched[0]!.received.filter((m) => m.type === 'run')).toHaveLength(1);
  });

  it('keeps the lease of a job whose worker is starting, and stops waiting when the lease is lost (a cancel)', async () => {
    let release!: () => void;
    const f = fakeLauncher({ ready: new Promise<void>((r) => (release = r)) });
    let held = true;
    const renewed: number[] = [];
    const p = pool(f.launcher, 2, {
      renewWhileStarting: (j) => {
        renewed.push(j.itemId);
        return held;
      },
    });
    await p.start();
    const first = p.run(job(1, 'ingest', 20), () => {});
    await waitFor('the lease to be renewed while the worker starts', () => renewed.length >= 3);
    held = false;
    expect(await first).toEqual({
      kind: 'lost',
      why: 'lease lost',
      detail: 'the lease was lost while its worker started',
    });
    release();
    await waitFor('the started worker to be idle, for the next job of its stage', () => p.liveness().ready === 1);
    expect(f.launched[0]!.received.some((m) => m.type === 'run')).toBe(false);
  });

  it('notes that a job waits for its starting worker, and that its work begins before the worker gets it; a job handed to a ready worker is noted nothing', async () => {
    let release!: () => void;
    const f = fakeLauncher({ runMs: 5, ready: new Promise<void>((r) => (release = r)) });
    const notes: string[] = [];
    const sent = () => f.launched.flatMap((w) => w.received.filter((m) => m.type === 'run')).length;
    const p = pool(f.launcher, 2, {
      awaitWorker: (j) => notes.push(`waits ${j.itemId} (${sent()} sent)`) > 0,
      workBegins: (j) => notes.push(`begins ${j.itemId} (${sent()} sent)`) > 0,
    });
    await p.start();
    const first = p.run(job(1), () => {});
    expect(notes).toEqual(['waits 1 (0 sent)']);
    release();
    expect(await first).toMatchObject({ kind: 'outcome' });
    expect(await p.run(job(2), () => {})).toMatchObject({ kind: 'outcome' });
    expect(notes).toEqual(['waits 1 (0 sent)', 'begins 1 (0 sent)']);
  });

  it('sends nothing to the started worker when the job was lost meanwhile, or its start could not be noted', async () => {
    for (const [workBegins, end] of [
      [() => false, { why: 'lease lost', detail: 'the lease was lost while its worker started' }],
      [
        () => {
          throw new Error('SQLITE_BUSY');
        },
        { why: 'not started', detail: 'could not note that its work begins: SQLITE_BUSY' },
      ],
    ] as const) {
      const f = fakeLauncher({ runMs: 5 });
      const p = pool(f.launcher, 2, { workBegins });
      await p.start();
      expect(await p.run(job(1), () => {})).toEqual({ kind: 'lost', ...end });
      expect(f.launched[0]!.received.some((m) => m.type === 'run')).toBe(false);
      // The worker stays, idle, for the next job of its stage.
      await waitFor('the started worker to be idle', () => p.liveness().ready === 1);
    }
  });

  it('gives a job back as not started when its worker does not get ready within the start-up window', async () => {
    const f = fakeLauncher({ ready: new Promise(() => {}) });
    const p = pool(f.launcher, 2, { readyTimeoutMs: 100 });
    await p.start();
    expect(await p.run(job(5), () => {})).toMatchObject({
      kind: 'lost',
      why: 'not started',
      detail: expect.stringContaining('before it was ready'),
    });
  });

  it('lets an idle worker exit after the idle limit, and starts a new one for the next job', async () => {
    const f = fakeLauncher({ runMs: 5 });
    const clock = new FakeClock();
    // The fake minute passes at once, with a ping perhaps unanswered: pings are not what this is about.
    const p = pool(f.launcher, 2, { clock, pingMs: 10, answerWithinMs: 10 * defaultConfig.workerIdleMs });
    await p.start();
    await p.run(job(1), () => {});
    const stopped = () => f.launched[0]!.received.some((m) => m.type === 'stop');
    clock.advance(defaultConfig.workerIdleMs - 1);
    await new Promise((r) => setTimeout(r, 50));
    expect(stopped()).toBe(false);
    clock.advance(1);
    await waitFor('the idle worker to exit', () => stopped() && p.liveness().ready + p.liveness().silent === 0);
    expect(p.liveness()).toMatchObject({ recentCrashes: 0 });
    expect(workersHealth(p.liveness()).message).toBe('idle, started on demand (up to 2 worker processes)');
    expect(await p.run(job(2), () => {})).toMatchObject({ kind: 'outcome' });
    expect(f.launched).toHaveLength(2);
  });

  it('ends the run of a worker that dies as lost so the engine recovers it, and the next job starts a new worker', async () => {
    const f = fakeLauncher({ runMs: 60_000 });
    const p = pool(f.launcher);
    await p.start();
    const run = p.run(job(7), () => {});
    await waitFor('the job to reach its worker', () => f.launched[0]?.received.some((m) => m.type === 'run'));
    const victim = f.launched[0]!;
    victim.crash();
    expect(await run).toEqual({ kind: 'lost', why: 'worker gone', detail: `worker ${victim.pid} killed by SIGABRT` });
    expect(p.liveness()).toMatchObject({
      expected: 2,
      ready: 0,
      recentCrashes: 1,
      lastCrash: { detail: expect.stringContaining('while running item 7') },
    });
    void p.run(job(8), () => {});
    await waitFor('a new worker to run the next job', () => f.launched[1]?.received.some((m) => m.type === 'run'));
  });

  it('gives a job whose worker dies before it is ready back as not started (its attempt refunded)', async () => {
    const f = fakeLauncher({ ready: new Promise(() => {}) });
    const p = pool(f.launcher);
    await p.start();
    const run = p.run(job(4), () => {});
    await waitFor('the worker to be launched', () => f.launched.length === 1);
    f.launched[0]!.crash();
    expect(await run).toMatchObject({
      kind: 'lost',
      why: 'not started',
      detail: expect.stringContaining('before it was ready'),
    });
  });

  it("kills a hung worker on the watchdog's word without counting it as a crash", async () => {
    const f = fakeLauncher({ runMs: 60_000 });
    const p = pool(f.launcher, 1);
    await p.start();
    const run = p.run(job(3), () => {});
    await waitFor('the job to reach its worker', () => f.launched[0]?.received.some((m) => m.type === 'run'));
    expect(p.kill(3, 'no heartbeat for 10.0 s')).toBe(true);
    expect(await run).toMatchObject({ kind: 'lost', why: 'killed' });
    expect(p.liveness().recentCrashes).toBe(0);
    expect(p.kill(99, 'x')).toBe(false);
  });

  it('recycles idle workers at once and a busy one after its job', async () => {
    const f = fakeLauncher({ runMs: 100 });
    const p = pool(f.launcher);
    await p.start();
    await Promise.all([p.run(job(1), () => {}), p.run(job(2), () => {})]);
    const run = p.run(job(3), () => {});
    expect(p.recycle()).toBe(2);
    expect(await run).toMatchObject({ kind: 'outcome' });
    await waitFor('both stopped', () => p.liveness().ready === 0);
    expect(f.launched.every((w) => w.received.some((m) => m.type === 'stop'))).toBe(true);
    expect(workersHealth(p.liveness()).status).toBe('up');
  });

  it('says how long a worker has been starting, and how long it may take', async () => {
    const clock = new FakeClock();
    const f = fakeLauncher({ readyAfterMs: 200 });
    const p = pool(f.launcher, 2, { clock });
    await p.start();
    const run = p.run(job(1), () => {});
    clock.advance(1_500);
    expect(p.liveness()).toMatchObject({ ready: 0, starting: 1, startingForMs: 1_500, startupWindowMs: 60_000 });
    expect(await run).toMatchObject({ kind: 'outcome' });
    expect(p.liveness()).toMatchObject({ ready: 1, starting: 0, startingForMs: null });
  });

  it('reports why no worker can start instead of failing the engine, and holds further starts back', async () => {
    const f = fakeLauncher({ fail: () => true });
    const p = pool(f.launcher);
    await p.start();
    expect(await p.run(job(1), () => {})).toMatchObject({ kind: 'lost', why: 'not started' });
    expect(p.capacity('ingest')).toBe(0);
    expect(p.liveness()).toMatchObject({ ready: 0, launchError: 'spawn ENOENT (no runtime to start workers with)' });
    expect(workersHealth(p.liveness()).status).toBe('down');
  });

  it('hands no job to an idle worker that stops answering, replaces it once silent for a lease, and health says so', async () => {
    const f = fakeLauncher({ runMs: 5 });
    const p = pool(f.launcher, 2, { pingMs: 40, answerWithinMs: 400 });
    await p.start();
    await Promise.all([p.run(job(1), () => {}), p.run(job(2), () => {})]);
    const frozen = f.launched[0]!;
    frozen.frozen = true;
    await waitFor('the frozen worker to be taken out of service', () => p.liveness().silent === 1);
    expect(workersHealth(p.liveness())).toMatchObject({
      status: 'degraded',
      message: expect.stringContaining('1 not answering'),
    });
    for (let i = 0; i < 5; i++) expect(await p.run(job(10 + i), () => {})).toMatchObject({ kind: 'outcome' });
    expect(frozen.received.filter((m) => m.type === 'run')).toHaveLength(1);
    await waitFor('the frozen worker to be killed', () => p.liveness().recentReplacements === 1, 5_000);
    expect(p.liveness()).toMatchObject({ silent: 0, recentCrashes: 0 });
    expect(workersHealth(p.liveness()).message).toMatch(
      /1 replaced for not answering in 10 min, last: worker \d+ did not answer for 0 s while idle; replaced/,
    );
  });
});
