import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/support/temp-dir';
import { BreakerBoard } from '../breakers/breaker-board';
import { defaultConfig } from '../config/config';
import { dataPaths } from '../config/data-dir';
import type { Engine } from '../engine/engine';
import { createLogger } from '../log/logger';
import { AutoRecovery } from '../recovery/auto-recovery';
import { openStore, type Store } from '../store/store';
import { FakeClock } from '../time/clock';
import type { HealthMonitor } from './health-monitor';
import { ServiceWatch } from './service-watch';

const opened: Store[] = [];
afterEach(() => {
  for (const s of opened.splice(0)) s.close();
});

/**
 * A watch over one stage service (`asr`) whose health check fails while `down` is set; the check
 * reports back to the watch as the health monitor does. Real breakers on a real store.
 */
function watchOver(clock: FakeClock) {
  const store = openStore(dataPaths(path.join(tempDir(), 'data')));
  opened.push(store);
  const log = createLogger(null, 'test');
  const breakers = new BreakerBoard({ store, clock, config: () => defaultConfig.breaker, log });
  breakers.register('asr', 'speech recognition');
  const autoRecovery = new AutoRecovery({
    clock,
    config: () => defaultConfig.autoRecovery,
    serviceEvents: store.serviceEvents,
    log,
    stillFailing: () => true,
  });
  const s = { down: true as boolean, checkedAt: [] as number[], parked: [] as (string | null)[] };
  const health = {
    checkNow: async (name: string) => {
      s.checkedAt.push(clock.monotonic());
      watch.onCheck(name, s.down ? 'connection refused' : null);
    },
  } as unknown as HealthMonitor;
  const engine = { setServiceDown: (_: string, reason: string | null) => s.parked.push(reason) } as unknown as Engine;
  const watch: ServiceWatch = new ServiceWatch({
    health,
    breakers,
    engine,
    autoRecovery,
    clock,
    services: () => new Map([['asr', 'speech recognition']]),
    log,
  });
  return { watch, breakers, s };
}

describe('the service watch', () => {
  it('checks a service that is down again after 2 s, then less often, up to every 10 s', async () => {
    const clock = new FakeClock();
    const { watch, s } = watchOver(clock);
    watch.onCheck('asr', 'connection refused');
    expect(s.parked.at(-1)).toMatch(/does not pass its check \(connection refused\)/);

    await clock.advanceAsync(60_000);
    const waits = s.checkedAt.map((at, i) => at - (s.checkedAt[i - 1] ?? 0));
    expect(waits).toEqual([2_000, 3_000, 4_500, 6_750, 10_000, 10_000, 10_000, 10_000]);
  });

  it('stops checking once the service passes, and starts again from 2 s at the next outage', async () => {
    const clock = new FakeClock();
    const { watch, s } = watchOver(clock);
    watch.onCheck('asr', 'connection refused');
    await clock.advanceAsync(5_000); // re-checks at 2 s and 5 s
    s.down = false;
    await clock.advanceAsync(4_500); // the third re-check passes
    expect(s.checkedAt).toEqual([2_000, 5_000, 9_500]);
    expect(s.parked.at(-1)).toBeNull();
    expect(clock.countTimers()).toBe(0);

    await clock.advanceAsync(60_000);
    expect(s.checkedAt).toHaveLength(3);
    s.down = true;
    watch.onCheck('asr', 'connection refused');
    await clock.advanceAsync(2_000);
    expect(s.checkedAt.at(-1)).toBe(71_500);
  });

  it('keeps checking while the breaker is open although the check passes, until the breaker closes', async () => {
    const clock = new FakeClock();
    const { watch, breakers, s } = watchOver(clock);
    s.down = false;
    for (let i = 0; i < defaultConfig.breaker.consecutiveFailures; i++) breakers.failure('asr', 'HTTP 503');
    watch.onBreaker(breakers.view('asr')!);
    await clock.advanceAsync(2_000);
    expect(s.checkedAt).toEqual([2_000]);
    breakers.reset('asr');
    watch.onBreaker(breakers.view('asr')!);
    await clock.advanceAsync(60_000);
    expect(s.checkedAt).toEqual([2_000]);
  });

  it('leaves no re-check behind when stopped', () => {
    const clock = new FakeClock();
    const { watch } = watchOver(clock);
    watch.onCheck('asr', 'connection refused');
    expect(clock.countTimers()).toBeGreaterThan(0);
    watch.stop();
    expect(clock.countTimers()).toBe(0);
  });
});
