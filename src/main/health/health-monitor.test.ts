import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../config/config';
import type { StageExecutor, WorkerLiveness } from '../engine/stage-executor';
import { createLogger } from '../log/logger';
import type { HealthCheckRow, HealthStore } from '../store/health-store';
import type { ServiceEventsStore } from '../store/service-events-store';
import { FakeClock } from '../time/clock';
import { HealthMonitor } from './health-monitor';
import { workersProbe } from './probes/workers-probe';

/** Two worker processes as the pool reports them; `startingForMs` grows with the fake clock. */
function twoWorkers(clock: FakeClock) {
  let startedAt: number | null = clock.monotonic();
  let ready = 0;
  const liveness = (): WorkerLiveness => ({
    mode: 'worker-processes',
    onDemand: false,
    expected: 2,
    ready,
    busy: 0,
    silent: 0,
    recentReplacements: 0,
    lastReplacement: null,
    starting: 2 - ready,
    startingForMs: startedAt === null ? null : clock.monotonic() - startedAt,
    startupWindowMs: 60_000,
    recentCrashes: 0,
    lastCrash: null,
    launchError: null,
  });
  const executor = { mode: 'worker-processes', liveness } as unknown as StageExecutor;
  return {
    executor,
    becomeReady(n: number) {
      ready = n;
      if (ready === 2) startedAt = null;
    },
    /** A restart (recycle, auto-recovery): every worker starts again. */
    restart() {
      ready = 0;
      startedAt = clock.monotonic();
    },
  };
}

function monitorOf(clock: FakeClock, executor: StageExecutor) {
  const recorded: HealthCheckRow[] = [];
  const health = {
    record: (rows: HealthCheckRow[]) => recorded.push(...rows),
    history: () => [],
  } as unknown as HealthStore;
  const serviceEvents = { insert: () => {} } as unknown as ServiceEventsStore;
  const monitor = new HealthMonitor({
    probes: [workersProbe(executor)],
    clock,
    config: () => defaultConfig.health,
    store: { health, serviceEvents },
    deadLetters: () => ({ total: 0, unseen: 0, seenAt: null }),
    log: createLogger(null, 'test'),
    source: 'engine',
    extras: () => ({ breaker: null, needsYou: false, autoRecovery: null }),
  });
  return { monitor, recorded };
}

const workers = (m: HealthMonitor) => m.snapshot().services.find((s) => s.name === 'workers')!;

describe('the Workers health check while worker processes start', () => {
  it('reports the start-up as starting, not as a failure, and uptime right after the start is 100 %', async () => {
    const clock = new FakeClock();
    const w = twoWorkers(clock);
    const { monitor, recorded } = monitorOf(clock, w.executor);

    await monitor.checkNow();
    expect(workers(monitor)).toMatchObject({
      status: 'starting',
      message: expect.stringMatching(/^starting 2 worker processes/),
    });
    clock.advance(2_000);
    w.becomeReady(1);
    await monitor.checkNow();
    expect(workers(monitor)).toMatchObject({ status: 'starting', message: '1 of 2 workers ready, 0 busy, 1 starting' });
    clock.advance(2_000);
    w.becomeReady(2);
    await monitor.checkNow();

    expect(workers(monitor)).toMatchObject({ status: 'up', uptimePercent: 100 });
    expect(recorded.map((r) => r.status)).toEqual(['starting', 'starting', 'up']);
    expect(monitor.snapshot().overall).toBe('green');
  });

  it('does not lower uptime when the workers restart later', async () => {
    const clock = new FakeClock();
    const w = twoWorkers(clock);
    w.becomeReady(2);
    const { monitor } = monitorOf(clock, w.executor);
    await monitor.checkNow();
    clock.advance(30_000);
    w.restart();
    await monitor.checkNow();
    expect(workers(monitor)).toMatchObject({ status: 'starting', uptimePercent: 100 });
    expect(monitor.snapshot()).toMatchObject({
      overall: 'green',
      notes: [expect.stringMatching(/^Workers: starting 2 worker processes/)],
    });
  });

  it('counts a start-up that outlasts its window as a failure', async () => {
    const clock = new FakeClock();
    const w = twoWorkers(clock);
    const { monitor } = monitorOf(clock, w.executor);
    await monitor.checkNow();
    clock.advance(61_000);
    await monitor.checkNow();
    expect(monitor.detail('workers')!.history[0]).toMatchObject({
      status: 'down',
      message: 'no worker process is running: not ready after 61 s',
    });
    expect(workers(monitor).uptimePercent).toBe(0);
  });
});

describe('services added and dropped while running', () => {
  const probe = (name: string, status: 'up' | 'down', label = name) => ({
    name,
    label,
    required: true,
    check: () => ({ status, explicit: true, message: status }),
  });

  it('puts a new service before the workers, drops one no longer used, and tells listeners both times', async () => {
    const clock = new FakeClock();
    const w = twoWorkers(clock);
    w.becomeReady(2);
    const { monitor } = monitorOf(clock, w.executor);
    const lists: string[][] = [];
    monitor.on('checked', (s) => lists.push(s.services.map((x) => x.name)));

    monitor.setProbe(probe('asr', 'down'), ['workers']);
    expect(lists.at(-1)).toEqual(['asr', 'workers']);
    await monitor.checkNow();
    expect(monitor.snapshot()).toMatchObject({ overall: 'red', reasons: ['asr is down: down'] });

    expect(monitor.removeProbe('asr')).toBe(true);
    expect(lists.at(-1)).toEqual(['workers']);
    expect(monitor.snapshot()).toMatchObject({ overall: 'green', reasons: [] });
    expect(monitor.removeProbe('asr')).toBe(false);
  });

  it('a replaced service keeps its history but not the run of failures of the one before', async () => {
    const clock = new FakeClock();
    const w = twoWorkers(clock);
    w.becomeReady(2);
    const { monitor } = monitorOf(clock, w.executor);
    monitor.setProbe(probe('asr', 'down', 'Whisper server'), ['workers']);
    await monitor.checkNow('asr');
    monitor.setProbe(probe('asr', 'up', 'Speech recognition server'), ['workers']);
    expect(monitor.snapshot().services.map((s) => s.name)).toEqual(['asr', 'workers']);
    expect(monitor.snapshot().services[0]).toMatchObject({ label: 'Speech recognition server', status: 'unknown' });
    await monitor.checkNow('asr');
    expect(monitor.detail('asr')).toMatchObject({
      status: 'up',
      uptimePercent: 50,
      history: [{ status: 'up' }, { status: 'down' }],
    });
  });
});

describe('Check now while a round is under way', () => {
  it('answers with a round that began after the call, shared by every call made meanwhile', async () => {
    const clock = new FakeClock();
    const w = twoWorkers(clock);
    const { monitor } = monitorOf(clock, w.executor);
    // A slow server: the first round waits on it while the workers become ready.
    const answers: (() => void)[] = [];
    let checks = 0;
    monitor.setProbe(
      {
        name: 'asr',
        label: 'asr',
        required: true,
        check: () => {
          checks++;
          return new Promise((resolve) => answers.push(() => resolve({ status: 'up', message: 'ok' })));
        },
      },
      ['workers'],
    );
    const first = monitor.checkNow();
    await Promise.resolve();
    w.becomeReady(2);
    const asked = [monitor.checkNow(), monitor.checkNow()];
    answers.shift()!();
    expect((await first).services.find((s) => s.name === 'workers')).toMatchObject({ status: 'starting' });
    await expect.poll(() => answers.length).toBe(1);
    answers.shift()!();
    const [a, b] = await Promise.all(asked);
    expect(a).toBe(b);
    expect(a!.services.find((s) => s.name === 'workers')).toMatchObject({ status: 'up' });
    expect(checks).toBe(2);
  });
});

describe('lifeline health in a process that only looks (the CLI)', () => {
  it('shows a service the engine found down as down after its own one check, and the status is not green', async () => {
    const clock = new FakeClock();
    const engineSaw: HealthCheckRow[] = [1, 2, 3].map((n) => ({
      service: 'asr',
      at: clock.now() - n * 5_000,
      status: 'down',
      latencyMs: null,
      message: 'the whisper server is unreachable',
    }));
    const monitor = new HealthMonitor({
      probes: [
        {
          name: 'asr',
          label: 'Whisper server',
          required: true,
          check: () => ({ status: 'down', message: 'the whisper server is unreachable' }),
        },
      ],
      clock,
      config: () => defaultConfig.health,
      store: {
        health: { record: () => {}, history: () => engineSaw } as unknown as HealthStore,
        serviceEvents: { insert: () => {} } as unknown as ServiceEventsStore,
      },
      deadLetters: () => ({ total: 0, unseen: 0, seenAt: null }),
      log: createLogger(null, 'test'),
      source: 'store',
      extras: () => ({ breaker: null, needsYou: false, autoRecovery: null }),
    });
    monitor.seedFromStore();
    const snapshot = await monitor.checkNow();
    expect(snapshot.services.find((s) => s.name === 'asr')!.status).toBe('down');
    expect(snapshot.overall).not.toBe('green');
  });
});
