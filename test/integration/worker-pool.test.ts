import { afterEach, describe, expect, it } from 'vitest';
import type { JobToRun } from '../../src/main/engine/stage-executor';
import { createLogger } from '../../src/main/log/logger';
import { WorkerPool } from '../../src/main/engine/worker/worker-pool';
import { workersHealth } from '../../src/main/health/workers-health-policy';
import { FakeClock, systemClock, type Clock } from '../../src/main/time/clock';
import { fakeLauncher } from '../support/fake-worker-launcher';
import { waitFor } from '../support/wait-for';

const pools: WorkerPool[] = [];
afterEach(async () => {
  for (const p of pools.splice(0)) await p.close();
});

function pool(
  launcher: ReturnType<typeof fakeLauncher>['launcher'],
  size = 2,
  clock: Clock = systemClock,
  pings: { pingMs?: number; answerWithinMs?: number } = {},
) {
  const p = new WorkerPool({
    launcher,
    spec: { dataDir: '/nowhere', maxHeapMb: 256 },
    size,
    clock,
    log: createLogger(null, 'test'),
    stopMs: 100,
    ...pings,
  });
  pools.push(p);
  return p;
}

const job = (itemId: number): JobToRun => ({
  itemId,
  token: 1,
  stage: 'ingest',
  attempts: 1,
  maxAttempts: 3,
  leaseMs: 1000,
  heartbeatMs: 100,
});

describe('the worker pool', () => {
  it('replaces a worker that dies, ending its job as lost so the engine recovers it', async () => {
    const f = fakeLauncher({ runMs: 60_000 });
    const p = pool(f.launcher);
    await p.start();
    await waitFor('two ready workers', () => p.capacity() === 2);
    const run = p.run(job(7), () => {});
    const victim = f.launched.find((w) => w.received.some((m) => m.type === 'run'))!;
    victim.crash();
    expect(await run).toEqual({ kind: 'lost', why: 'worker gone', detail: `worker ${victim.pid} killed by SIGABRT` });
    await waitFor('a replacement', () => p.capacity() === 2);
    expect(f.launched).toHaveLength(3);
    expect(p.liveness()).toMatchObject({
      expected: 2,
      ready: 2,
      recentCrashes: 1,
      lastCrash: { detail: expect.stringContaining('while running item 7') },
    });
  });

  it("kills a hung worker on the watchdog's word without counting it as a crash", async () => {
    const f = fakeLauncher({ runMs: 60_000 });
    const p = pool(f.launcher, 1);
    await p.start();
    const run = p.run(job(3), () => {});
    expect(p.kill(3, 'no heartbeat for 10.0 s')).toBe(true);
    expect(await run).toMatchObject({ kind: 'lost', why: 'killed' });
    expect(p.liveness().recentCrashes).toBe(0);
    expect(p.kill(99, 'x')).toBe(false);
  });

  it('recycles idle workers at once and a busy one after its job', async () => {
    const f = fakeLauncher({ runMs: 100 });
    const p = pool(f.launcher);
    await p.start();
    await waitFor('two ready workers', () => p.capacity() === 2);
    const run = p.run(job(1), () => {});
    expect(p.recycle()).toBe(2);
    expect(await run).toMatchObject({ kind: 'outcome' });
    await waitFor('both replaced', () => f.launched.length === 4 && p.capacity() === 2);
  });

  it('says how long its workers have been starting, and how long they may take', async () => {
    const clock = new FakeClock();
    const f = fakeLauncher({ readyAfterMs: 200 });
    const p = pool(f.launcher, 2, clock);
    const started = p.start();
    clock.advance(1_500);
    expect(p.liveness()).toMatchObject({ ready: 0, starting: 2, startingForMs: 1_500, startupWindowMs: 60_000 });
    await started;
    await waitFor('two ready workers', () => p.capacity() === 2);
    expect(p.liveness()).toMatchObject({ ready: 2, starting: 0, startingForMs: null });
  });

  it('reports why no worker can start instead of failing the engine', async () => {
    const f = fakeLauncher({ fail: () => true });
    const p = pool(f.launcher);
    await p.start();
    expect(p.capacity()).toBe(0);
    expect(p.liveness()).toMatchObject({ ready: 0, launchError: 'spawn ENOENT (no runtime to start workers with)' });
  });

  it('hands no job to an idle worker that stops answering, replaces it once silent for a lease, and health says so', async () => {
    const f = fakeLauncher({ runMs: 5 });
    const p = pool(f.launcher, 2, systemClock, { pingMs: 40, answerWithinMs: 400 });
    await p.start();
    await waitFor('two ready workers', () => p.capacity() === 2);
    const frozen = f.launched[0]!;
    frozen.frozen = true;
    await waitFor(
      'the frozen worker to be taken out of service',
      () => p.capacity() === 1 && p.liveness().silent === 1,
    );
    expect(workersHealth(p.liveness())).toMatchObject({
      status: 'degraded',
      message: expect.stringContaining('1 not answering'),
    });
    for (let i = 0; i < 5; i++) expect(await p.run(job(10 + i), () => {})).toMatchObject({ kind: 'outcome' });
    expect(frozen.received.some((m) => m.type === 'run')).toBe(false);
    await waitFor('a replacement for the frozen worker', () => f.launched.length === 3 && p.capacity() === 2, 5_000);
    expect(p.liveness()).toMatchObject({ silent: 0, recentReplacements: 1, recentCrashes: 0 });
    expect(workersHealth(p.liveness()).message).toMatch(
      /1 replaced for not answering in 10 min, last: worker \d+ did not answer for 0 s while idle; replaced/,
    );
  });

  it('says starting, never that no worker runs, while a recycle replaces every worker', async () => {
    const f = fakeLauncher({ readyAfterMs: 150 });
    const p = pool(f.launcher);
    await p.start();
    await waitFor('two ready workers', () => p.capacity() === 2);
    const seen = new Set<string>();
    expect(p.recycle()).toBe(2);
    await waitFor(
      'the new workers to be ready',
      () => {
        seen.add(workersHealth(p.liveness()).status);
        return f.launched.length === 4 && p.capacity() === 2;
      },
      5_000,
      2,
    );
    expect([...seen].sort()).toEqual(['starting', 'up']);
  });
});
