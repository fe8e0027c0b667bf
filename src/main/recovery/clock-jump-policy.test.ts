import { describe, expect, it } from 'vitest';
import { FakeClock } from '../time/clock';
import { ClockJumpDetector } from './clock-jump-policy';

describe('ClockJumpDetector', () => {
  it('reports nothing while wall and monotonic time advance together, however long', () => {
    const clock = new FakeClock();
    const d = new ClockJumpDetector(5_000);
    expect(d.observe(clock.now(), clock.monotonic())).toBe(0);
    clock.advance(3_600_000);
    expect(d.observe(clock.now(), clock.monotonic())).toBe(0);
  });

  it('reports a suspend: the wall clock jumped an hour while the monotonic clock stood still', () => {
    const clock = new FakeClock();
    const d = new ClockJumpDetector(5_000);
    d.observe(clock.now(), clock.monotonic());
    clock.advance(2_000);
    clock.jumpWall(3_600_000);
    expect(d.observe(clock.now(), clock.monotonic())).toBe(3_600_000);
    clock.advance(2_000);
    expect(d.observe(clock.now(), clock.monotonic())).toBe(0);
  });

  it('tolerates small drift, and starts afresh after a reset', () => {
    const clock = new FakeClock();
    const d = new ClockJumpDetector(5_000);
    d.observe(clock.now(), clock.monotonic());
    clock.jumpWall(4_000);
    expect(d.observe(clock.now(), clock.monotonic())).toBe(0);
    clock.jumpWall(60_000);
    d.reset();
    expect(d.observe(clock.now(), clock.monotonic())).toBe(0);
  });
});
