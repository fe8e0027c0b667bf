import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/support/temp-dir';
import { defaultConfig } from '../config/config';
import { dataPaths } from '../config/data-dir';
import { createLogger } from '../log/logger';
import { openStore, type Store } from '../store/store';
import { FakeClock } from '../time/clock';
import { AutoRecovery } from './auto-recovery';

const opened: Store[] = [];
afterEach(() => {
  for (const s of opened.splice(0)) s.close();
});

const MIN = 60_000;

/**
 * Auto-recovery of one service (`asr`) with the user's defaults (3 runs, cooldown 60 s doubling), on
 * a real store; the handler fails (or succeeds) as the test says, and the service fails while `failing`.
 */
function recoveryOf(clock: FakeClock) {
  const store = openStore(dataPaths(path.join(tempDir(), 'data')));
  opened.push(store);
  const s = { failing: true, handlerWorks: false, runs: [] as number[], changes: 0 };
  const recovery = new AutoRecovery({
    clock,
    config: () => defaultConfig.autoRecovery,
    serviceEvents: store.serviceEvents,
    log: createLogger(null, 'test'),
    stillFailing: () => s.failing,
  });
  recovery.register('asr', {
    action: 'restart the worker processes',
    run: async () => {
      s.runs.push(clock.monotonic());
      if (!s.handlerWorks) throw new Error('the engine still does not answer');
      return 'workers restarted';
    },
  });
  recovery.on('changed', () => s.changes++);
  const events = () =>
    store.serviceEvents
      .recent(20, 'asr')
      .reverse()
      .map((e) => `${e.type}@${e.at - Date.UTC(2026, 0, 1)}`);
  return { recovery, s, events };
}

describe('auto-recovery', () => {
  it('runs again when the cooldown of a trigger that came during it ends, if the service still fails', async () => {
    const clock = new FakeClock();
    const { recovery, s, events } = recoveryOf(clock);
    recovery.trigger('asr', 'its breaker opened');
    await clock.runDue();
    expect(s.runs).toEqual([0]);

    await clock.advanceAsync(10_000);
    recovery.trigger('asr', 'its health check failed');
    recovery.trigger('asr', 'its health check failed'); // one retry timer, not two
    await clock.advanceAsync(MIN - 10_000 + 4);
    expect(s.runs).toEqual([0]);
    await clock.advanceAsync(1);
    expect(s.runs).toEqual([0, MIN + 5]);
    expect(events()).toEqual(['auto_recovery_failed@0', `auto_recovery_failed@${MIN + 5}`]);
    expect(recovery.status('asr')).toMatchObject({ attempts: 2, nextAllowedAt: expect.any(Number), needsYou: false });
  });

  it('skips the run at the end of a cooldown when the service came back meanwhile', async () => {
    const clock = new FakeClock();
    const { recovery, s } = recoveryOf(clock);
    recovery.trigger('asr', 'its breaker opened');
    await clock.runDue();
    recovery.trigger('asr', 'its health check failed');
    s.failing = false;
    await clock.advanceAsync(10 * MIN);
    expect(s.runs).toEqual([0]);
  });

  it('forgets a pending retry when the service proves healthy', async () => {
    const clock = new FakeClock();
    const { recovery, s } = recoveryOf(clock);
    recovery.trigger('asr', 'its breaker opened');
    await clock.runDue();
    recovery.trigger('asr', 'its health check failed');
    recovery.healthy('asr');
    expect(clock.countTimers()).toBe(0);
    await clock.advanceAsync(10 * MIN);
    expect(s.runs).toEqual([0]);
    expect(recovery.status('asr')!.attempts).toBe(0);
  });

  it('gives up after 3 runs once the last cooldown (4 min) passed without the service back, and records it once', async () => {
    const clock = new FakeClock();
    const { recovery, s, events } = recoveryOf(clock);
    // Something says the service is down every 10 s, as the re-checks do.
    const recheck = clock.setInterval(() => recovery.trigger('asr', 'its health check failed'), 10_000);
    recovery.trigger('asr', 'its breaker opened');
    await clock.advanceAsync(7 * MIN - 1);
    // Runs at 0, after the 1 min cooldown, then after the 2 min one.
    expect(s.runs).toEqual([0, MIN, 3 * MIN]);
    expect(recovery.status('asr')).toMatchObject({ attempts: 3, maxAttempts: 3, needsYou: false });
    expect(events().some((e) => e.includes('gave_up'))).toBe(false);
    const changesBefore = s.changes;

    // The last run's 4 min cooldown ends at 7 min; giving up is recorded (5 ms later) and announced.
    await clock.advanceAsync(6);
    expect(recovery.status('asr')!.needsYou).toBe(true);
    expect(events()).toEqual([
      'auto_recovery_failed@0',
      `auto_recovery_failed@${MIN}`,
      `auto_recovery_failed@${3 * MIN}`,
      `auto_recovery_gave_up@${7 * MIN + 5}`,
    ]);
    expect(s.changes).toBe(changesBefore + 1);

    await clock.advanceAsync(60 * MIN);
    expect(s.runs).toHaveLength(3);
    expect(events().filter((e) => e.includes('gave_up'))).toHaveLength(1);
    clock.clearInterval(recheck);
  });

  it('does not give up when the last run brought the service back', async () => {
    const clock = new FakeClock();
    const { recovery, s, events } = recoveryOf(clock);
    const recheck = clock.setInterval(() => recovery.trigger('asr', 'its health check failed'), 10_000);
    recovery.trigger('asr', 'its breaker opened');
    await clock.advanceAsync(3 * MIN);
    expect(s.runs).toEqual([0, MIN, 3 * MIN]);
    clock.clearInterval(recheck);
    s.failing = false;
    await clock.advanceAsync(10 * MIN);
    expect(events().some((e) => e.includes('gave_up'))).toBe(false);
    expect(recovery.status('asr')!.needsYou).toBe(false);
  });

  it('leaves no timer behind when stopped', async () => {
    const clock = new FakeClock();
    const { recovery } = recoveryOf(clock);
    recovery.trigger('asr', 'its breaker opened');
    await clock.runDue();
    recovery.trigger('asr', 'its health check failed');
    expect(clock.countTimers()).toBe(1);
    recovery.stop();
    expect(clock.countTimers()).toBe(0);
  });
});
