import { describe, expect, it } from 'vitest';
import { createRefreshThrottle, type ThrottleTimers } from './refresh-throttle';

function fakeTimers(): ThrottleTimers & { advance(ms: number): void } {
  let now = 1_000;
  let queue: { at: number; fn: () => void }[] = [];
  return {
    now: () => now,
    setTimeout(fn, ms) {
      const entry = { at: now + ms, fn };
      queue.push(entry);
      return entry;
    },
    clearTimeout(handle) {
      queue = queue.filter((e) => e !== handle);
    },
    advance(ms) {
      now += ms;
      const due = queue.filter((e) => e.at <= now);
      queue = queue.filter((e) => e.at > now);
      for (const e of due) e.fn();
    },
  };
}

// Lets the refresh promise chain finish (microtasks), with no real waiting involved.
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('createRefreshThrottle', () => {
  it('refreshes at once, then collapses a burst into one more refresh after the interval', async () => {
    const timers = fakeTimers();
    let runs = 0;
    const throttle = createRefreshThrottle(async () => void (runs += 1), 250, timers);
    throttle.request();
    await settle();
    for (let i = 0; i < 20; i++) throttle.request();
    await settle();
    expect(runs).toBe(1);
    timers.advance(250);
    await settle();
    expect(runs).toBe(2);
    timers.advance(1_000);
    await settle();
    expect(runs).toBe(2);
  });

  it('never runs two refreshes at the same time, and runs once more after a slow one', async () => {
    const timers = fakeTimers();
    let running = 0;
    let maxRunning = 0;
    let finish: () => void = () => {};
    const throttle = createRefreshThrottle(
      () =>
        new Promise<void>((resolve) => {
          running += 1;
          maxRunning = Math.max(maxRunning, running);
          finish = () => {
            running -= 1;
            resolve();
          };
        }),
      250,
      timers,
    );
    throttle.request();
    timers.advance(1_000);
    throttle.request();
    throttle.request();
    expect(maxRunning).toBe(1);
    finish();
    await settle();
    expect(running).toBe(1);
    expect(maxRunning).toBe(1);
  });
});
