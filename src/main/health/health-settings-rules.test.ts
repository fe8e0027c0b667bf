import { afterEach, describe, expect, it, vi } from 'vitest';
import { defaultConfig, type HealthConfig } from '../config/config';
import { createLogger } from '../log/logger';
import type { HealthStore } from '../store/health-store';
import type { MetricsReads } from '../store/metrics-reads';
import type { ServiceEventsStore } from '../store/service-events-store';
import { FakeClock } from '../time/clock';
import type { HealthProbe } from './health-probe';
import { HealthMonitor } from './health-monitor';
import { processProbe } from './probes/process-probe';
import { queueProbe } from './probes/queue-probe';
import { runProbe } from './run-probe';
import { workerLiveness } from '../../../test/support/worker-liveness';

// The health settings as Settings describes them, each at the default a user has:
// health.intervalMs "How often every health probe runs" (30 s), health.probeTimeoutMs "A probe that has
// not answered by then has failed" (5 s), health.historySize "Results kept per probe" (100),
// health.queueLagAmberMs "A runnable job queued longer than this turns the queue amber" (30 min),
// health.memoryAmberMb "Engine process memory (RSS) above this turns the engine amber" (1,500 MiB).

afterEach(() => void vi.useRealTimers());

function monitorWith(clock: FakeClock, probes: HealthProbe[], config: HealthConfig = defaultConfig.health) {
  return new HealthMonitor({
    probes,
    clock,
    config: () => config,
    store: {
      health: { record: () => {}, history: () => [] } as unknown as HealthStore,
      serviceEvents: { insert: () => {} } as unknown as ServiceEventsStore,
    },
    deadLetters: () => ({ total: 0, unseen: 0, seenAt: null }),
    log: createLogger(null, 'test'),
    source: 'engine',
    extras: () => ({ breaker: null, needsYou: false, autoRecovery: null }),
  });
}

const counting = () => {
  const probe = { calls: 0, name: 'asr', label: 'ASR', required: false } as HealthProbe & { calls: number };
  probe.check = () => {
    probe.calls++;
    return { status: 'up', message: 'ok' };
  };
  return probe;
};

describe('the health settings at their defaults', () => {
  it('runs every probe every 30 s', async () => {
    const clock = new FakeClock();
    const probe = counting();
    const stop = monitorWith(clock, [probe]).start();
    await clock.advanceAsync(29_999);
    expect(probe.calls).toBe(0);
    await clock.advanceAsync(1);
    expect(probe.calls).toBe(1);
    await clock.advanceAsync(30_000);
    expect(probe.calls).toBe(2);
    stop();
  });

  it('counts a probe that has not answered within 5 s as failed', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const silent: HealthProbe = { name: 'asr', label: 'ASR', required: true, check: () => new Promise(() => {}) };
    let result: Awaited<ReturnType<typeof runProbe>> | undefined;
    void runProbe(silent, defaultConfig.health.probeTimeoutMs, new FakeClock()).then((r) => (result = r));
    await vi.advanceTimersByTimeAsync(4_999);
    expect(result).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1);
    expect(result).toMatchObject({ status: 'down', message: 'no answer within 5000 ms' });
  });

  it('keeps the last 100 results of each probe', async () => {
    const clock = new FakeClock();
    const monitor = monitorWith(clock, [counting()]);
    for (let i = 0; i < 101; i++) await monitor.checkNow();
    expect(monitor.detail('asr')!.history).toHaveLength(100);
  });

  it('turns the queue amber once a runnable job has waited more than 30 min, not before', () => {
    const now = 10 * 3_600_000;
    let queuedAt = now - 30 * 60_000;
    const probe = queueProbe({
      metrics: { oldestQueuedAt: () => queuedAt } as unknown as MetricsReads,
      stages: ['transcribe'],
      now: () => now,
      config: () => defaultConfig.health,
      blocked: () => undefined,
      waiting: () => 0,
    });
    expect(probe.check(new AbortController().signal)).toMatchObject({ status: 'up' });
    queuedAt -= 1_000;
    expect(probe.check(new AbortController().signal)).toMatchObject({ status: 'degraded' });
  });

  it('turns the engine amber when its memory is over the limit (1,500 MiB by default)', async () => {
    expect(defaultConfig.health.memoryAmberMb).toBe(1_500);
    const rssMb = process.memoryUsage().rss / 1024 ** 2;
    const engine = (memoryAmberMb: number) =>
      processProbe(
        () => ({ ...defaultConfig.health, memoryAmberMb }),
        'host:1:0',
        () => workerLiveness({ onDemand: true, expected: 4 }),
        () => 0,
      ).check(new AbortController().signal);
    expect(await engine(Math.floor(rssMb) - 1)).toMatchObject({ status: 'degraded' });
    expect(await engine(Math.ceil(rssMb) + 64)).toMatchObject({ status: 'up' });
  });
});
