import { describe, expect, it } from 'vitest';
import { FakeClock, systemClock } from './clock';

describe('the fake clock', () => {
  it('runs a timeout when its time comes, not a millisecond before', () => {
    const clock = new FakeClock();
    const ran: number[] = [];
    clock.setTimeout(() => ran.push(clock.monotonic()), 1_000);
    clock.advance(999);
    expect(ran).toEqual([]);
    clock.advance(1);
    expect(ran).toEqual([1_000]);
    clock.advance(10_000);
    expect(ran).toEqual([1_000]);
    expect(clock.countTimers()).toBe(0);
  });

  it('runs due timers in order of their time, then of scheduling, each at its own time', () => {
    const clock = new FakeClock();
    const ran: string[] = [];
    clock.setTimeout(() => ran.push(`b@${clock.monotonic()}`), 200);
    clock.setTimeout(() => ran.push(`a@${clock.monotonic()}`), 100);
    clock.setTimeout(() => ran.push(`c@${clock.monotonic()}`), 200);
    clock.advance(500);
    expect(ran).toEqual(['a@100', 'b@200', 'c@200']);
    expect(clock.monotonic()).toBe(500);
  });

  it('runs timers that timers schedule within the same advance, and leaves later ones waiting', () => {
    const clock = new FakeClock();
    const ran: number[] = [];
    const chain = () => {
      ran.push(clock.monotonic());
      clock.setTimeout(chain, 300);
    };
    clock.setTimeout(chain, 300);
    clock.advance(1_000);
    expect(ran).toEqual([300, 600, 900]);
    expect(clock.countTimers()).toBe(1);
  });

  it('repeats an interval until it is cleared', () => {
    const clock = new FakeClock();
    let n = 0;
    const t = clock.setInterval(() => n++, 250);
    clock.advance(1_000);
    expect(n).toBe(4);
    clock.clearInterval(t);
    clock.advance(1_000);
    expect(n).toBe(4);
  });

  it('never runs a cleared timeout', () => {
    const clock = new FakeClock();
    let ran = false;
    const t = clock.setTimeout(() => (ran = true), 10);
    clock.clearTimeout(t);
    clock.clearTimeout(undefined);
    clock.advance(100);
    expect(ran).toBe(false);
  });

  it('waits as Node does for a delay below 1 ms or beyond 2^31 − 1 ms: 1 ms', () => {
    const clock = new FakeClock();
    const ran: number[] = [];
    clock.setTimeout(() => ran.push(0), 0);
    clock.setTimeout(() => ran.push(-5), -5);
    clock.setTimeout(() => ran.push(2 ** 31), 2 ** 31);
    clock.advance(0);
    expect(ran).toEqual([]);
    clock.advance(1);
    expect(ran).toEqual([0, -5, 2 ** 31]);
  });

  it('keeps timers in monotonic time: a wall-clock jump (a suspend) runs none', () => {
    const clock = new FakeClock();
    let ran = false;
    clock.setTimeout(() => (ran = true), 1_000);
    clock.jumpWall(3_600_000);
    expect(ran).toBe(false);
    clock.advance(1_000);
    expect(ran).toBe(true);
    expect(clock.now()).toBe(Date.UTC(2026, 0, 1) + 3_601_000);
  });

  it('lets the async work of one timer finish before the next timer runs (advanceAsync)', async () => {
    const clock = new FakeClock();
    const seen: string[] = [];
    clock.setTimeout(async () => {
      await Promise.resolve();
      await new Promise<void>((r) => queueMicrotask(r));
      seen.push('first finished');
      clock.setTimeout(() => seen.push(`scheduled after an await, ran at ${clock.monotonic()}`), 50);
    }, 100);
    clock.setTimeout(() => seen.push('second'), 100);
    await clock.advanceAsync(200);
    expect(seen).toEqual(['first finished', 'second', 'scheduled after an await, ran at 150']);
  });

  it('runs what is due now without moving time (runDue)', async () => {
    const clock = new FakeClock();
    const seen: number[] = [];
    void Promise.resolve().then(() => clock.setTimeout(() => seen.push(clock.monotonic()), 0));
    await clock.runDue();
    expect(seen).toEqual([]);
    expect(clock.monotonic()).toBe(0);
    await clock.advanceAsync(1);
    expect(seen).toEqual([1]);
  });

  it('refuses to move backwards', () => {
    expect(() => new FakeClock().advance(-1)).toThrow(RangeError);
  });

  it('hands out timers that can be unref’d, as Node’s', () => {
    const clock = new FakeClock();
    const t = clock.setTimeout(() => {}, 10).unref();
    expect(t.hasRef()).toBe(false);
    const real = systemClock.setTimeout(() => {}, 10).unref();
    expect(real.hasRef()).toBe(false);
    systemClock.clearTimeout(real);
  });
});
