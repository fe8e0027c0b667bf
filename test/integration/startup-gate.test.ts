import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { HealthSnapshot } from '../../src/shared/contract';
import { openLifeline, type Lifeline, type LifelineOptions } from '../../src/main/lifeline';
import { startAsrServer, type FakeService } from '../support/fake-services';
import { fakeLauncher } from '../support/fake-worker-launcher';
import { closeAfterEach } from '../support/close-after-each';
import { tempDir } from '../support/temp-dir';
import { testItem } from '../support/lifeline-calls';
import { waitFor } from '../support/wait-for';

const env = {
  // Long enough that the gate never gives up during a test: it opens because a service answered.
  LIFELINE_HEALTH_STARTUP_TIMEOUT_MS: '120000',
  LIFELINE_HEALTH_INTERVAL_MS: '3600000',
  LIFELINE_IDLE_POLL_MS: '50',
  LIFELINE_AVAILABILITY_MS: '200',
  PATH: process.env.PATH,
};

const closing = closeAfterEach();

async function asrServer(port?: number): Promise<FakeService> {
  const s = await startAsrServer({ port });
  closing.track(s);
  return s;
}

function open(
  dataDir: string,
  options: Partial<LifelineOptions> = {},
  extraEnv: Record<string, string> = {},
): Lifeline {
  const app = openLifeline({
    dataDir,
    withEngine: true,
    processName: 'test',
    ...options,
    env: { LIFELINE_WORKERS: '0', ...env, ...extraEnv },
  });
  closing.track(app);
  return app;
}

async function close(app: Lifeline): Promise<void> {
  await closing.close(app);
}

/** A first run on `dataDir` that uses `asr` and leaves its checks, all up, in the store. */
async function firstRun(
  dataDir: string,
  asr: FakeService,
  options: Partial<LifelineOptions> = {},
  extraEnv: Record<string, string> = {},
): Promise<void> {
  const app = open(dataDir, options, extraEnv);
  const set = await app.call('settings:set', { values: { 'asr.engine': 'openai', 'asr.url': asr.url } });
  expect(set.ok).toBe(true);
  await app.start();
  await waitFor('the workers to be ready', () => app.engine!.executor.liveness().starting === 0);
  const h = await app.health.checkNow();
  expect(h.services.filter((s) => !['up', 'idle'].includes(s.status))).toEqual([]);
  await close(app);
}

const reasonsSeen = (app: Lifeline) => {
  const seen: string[] = [];
  app.events.on('health.changed', (h: HealthSnapshot) => seen.push(...h.reasons));
  return seen;
};

describe('the startup gate', () => {
  it('does not trust a stored "up": a server down now holds the start (shown as waiting for it) until it answers', async () => {
    const dataDir = path.join(tempDir(), 'data');
    const asr = await asrServer();
    await firstRun(dataDir, asr);
    const port = Number(new URL(asr.url).port);
    await asr.close();

    const app = open(dataDir);
    // What the previous run stored: the server was up when Lifeline stopped.
    expect(app.store.health.history('asr', 1)[0]).toMatchObject({ status: 'up' });
    const seen = reasonsSeen(app);
    let opened = false;
    const started = app.start().then((r) => {
      opened = true;
      return r;
    });

    await waitFor('the gate to wait for the server', () =>
      seen.includes('starting: waiting for Speech recognition server'),
    );
    // It checked the server at this start and found it down.
    await waitFor('a failed check at this start', () => app.health.detail('asr')!.history[0]!.status === 'down');
    expect(opened).toBe(false);
    expect(app.engine!.isRunning).toBe(false);
    // Waiting comes first; once its failures pass the alert threshold the server is also said to be down.
    const snapshot = app.health.snapshot();
    expect(snapshot.overall).toBe('starting');
    expect(snapshot.reasons[0]).toBe('starting: waiting for Speech recognition server');
    for (const r of snapshot.reasons.slice(1)) expect(r).toMatch(/^Speech recognition server is down: /);

    // The server comes back where it was: the gate sees it on its next check and opens.
    const back = await asrServer(port);
    await started;
    expect(app.engine!.isRunning).toBe(true);
    expect(back.probes.length).toBeGreaterThan(0);
    expect(app.health.snapshot().overall).not.toBe('starting');
    expect(app.health.detail('asr')!.history[0]).toMatchObject({ status: 'up' });
  }, 60_000);

  it('opens a restart with everything up on checks made at this start, without waiting for the worker processes', async () => {
    const dataDir = path.join(tempDir(), 'data');
    const asr = await asrServer();
    await firstRun(dataDir, asr, { workerLauncher: fakeLauncher().launcher }, { LIFELINE_WORKERS: '2' });

    // This time the workers take their time: they say ready only when the test lets them.
    let letReady!: () => void;
    const ready = new Promise<void>((r) => (letReady = r));
    const workers = fakeLauncher({ ready });
    const app = open(dataDir, { workerLauncher: workers.launcher }, { LIFELINE_WORKERS: '2' });
    const seen = reasonsSeen(app);
    const probesBefore = asr.probes.length;
    const id = app.queue.add(testItem('a.wav')).itemId;

    await app.start();
    // The gate opened, and the engine runs, while no worker is ready yet.
    expect(app.engine!.isRunning).toBe(true);
    // Workers start on demand: one for the waiting item, none for nothing.
    await waitFor('a worker to start for the item', () => app.engine!.executor.liveness().starting === 1);
    expect(app.engine!.executor.liveness()).toMatchObject({ ready: 0, starting: 1 });
    // It did not open on what the last run stored: it waited for this start's answers (the server was asked)…
    expect(seen[0]).toBe('starting: waiting for Database, Disk space, Speech recognition server');
    expect(asr.probes.length).toBeGreaterThan(probesBefore);
    // …and never for the workers, whose own check says one is starting for the item.
    expect(seen.filter((r) => r.includes('Workers') && r.startsWith('starting: waiting'))).toEqual([]);
    const h = await app.health.checkNow();
    expect(h.services.find((s) => s.name === 'workers')).toMatchObject({
      status: 'up',
      message: expect.stringContaining('1 starting'),
    });
    expect(h.overall).not.toBe('starting');

    // The item waits for a ready worker, then goes through.
    letReady();
    await waitFor('the item to be done', () => app.store.reads.summary(id)!.state === 'done', 30_000);
  }, 60_000);

  it('gives up waiting when the app is closed during the gate, and starts nothing', async () => {
    const dataDir = path.join(tempDir(), 'data');
    const asr = await asrServer();
    await firstRun(dataDir, asr);
    await asr.close();

    const app = open(dataDir);
    const seen = reasonsSeen(app);
    const started = app.start();
    await waitFor('the gate to wait for the server', () =>
      seen.includes('starting: waiting for Speech recognition server'),
    );
    await close(app);
    expect(await started).toEqual([]);
    expect(app.engine!.isRunning).toBe(false);
  }, 60_000);
});
