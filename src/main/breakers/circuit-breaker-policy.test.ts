import { describe, expect, it } from 'vitest';
import { FakeClock } from '../time/clock';
import { CircuitBreakerPolicy, type BreakerOptions } from './circuit-breaker-policy';

const options: BreakerOptions = {
  consecutiveFailures: 3,
  failureRate: 0.5,
  windowMs: 60_000,
  minimumCalls: 10,
  openMs: 30_000,
  openBackoff: 2,
  openMaxMs: 100_000,
  closeAfterSuccesses: 1,
};

describe('CircuitBreakerPolicy', () => {
  it('opens after the configured number of service faults in a row, and a success in between starts the count again', () => {
    const clock = new FakeClock();
    const b = new CircuitBreakerPolicy(options);
    b.failure(clock.now(), 'timeout');
    b.failure(clock.now(), 'timeout');
    b.success(clock.now());
    b.failure(clock.now(), 'timeout');
    expect(b.failure(clock.now(), 'timeout')).toBeNull();
    expect(b.failure(clock.now(), 'refused')).toEqual({
      from: 'closed',
      to: 'open',
      reason: '3 failures in a row (last: refused)',
    });
    expect(b.gate()).toBe('blocked');
  });

  it('opens on the failure rate over the window once the minimum volume is reached, forgetting calls older than the window', () => {
    const clock = new FakeClock();
    const b = new CircuitBreakerPolicy({ ...options, consecutiveFailures: 100 });
    // Old failures fall out of the window.
    for (let i = 0; i < 8; i++) b.failure(clock.now(), 'x');
    clock.advance(61_000);
    for (let i = 0; i < 4; i++) {
      b.success(clock.now());
      expect(b.failure(clock.now(), '503')).toBeNull();
      clock.advance(1000);
    }
    b.success(clock.now());
    b.success(clock.now());
    expect(b.failure(clock.now(), '503')).toBeNull(); // 5 of 11
    expect(b.state.kind).toBe('closed');
    expect(b.failure(clock.now(), '503')).toMatchObject({
      to: 'open',
      reason: expect.stringContaining('6 of 12 calls failed'),
    });
  });

  it('needs the minimum volume before a failure rate counts', () => {
    const clock = new FakeClock();
    const b = new CircuitBreakerPolicy({ ...options, consecutiveFailures: 100, minimumCalls: 10 });
    b.success(clock.now());
    for (let i = 0; i < 7; i++) b.failure(clock.now(), 'x');
    expect(b.state.kind).toBe('closed');
  });

  it('lets exactly one probe through when half-open, and closes after the configured successes', () => {
    const clock = new FakeClock();
    const b = new CircuitBreakerPolicy({ ...options, closeAfterSuccesses: 2 });
    for (let i = 0; i < 3; i++) b.failure(clock.now(), 'x');
    clock.advance(29_999);
    expect(b.tick(clock.now())).toBeNull();
    clock.advance(1);
    expect(b.tick(clock.now())).toMatchObject({ from: 'open', to: 'half_open' });
    expect(b.gate()).toBe('probe');
    expect(b.tryProbe()).toBe(true);
    expect(b.tryProbe()).toBe(false);
    expect(b.gate()).toBe('blocked');
    expect(b.success(clock.now())).toBeNull();
    expect(b.tryProbe()).toBe(true);
    expect(b.success(clock.now())).toMatchObject({ from: 'half_open', to: 'closed' });
    expect(b.gate()).toBe('pass');
  });

  it('reopens on a failed probe for twice as long each time, up to the cap', () => {
    const clock = new FakeClock();
    const b = new CircuitBreakerPolicy(options);
    for (let i = 0; i < 3; i++) b.failure(clock.now(), 'x');
    const durations: number[] = [];
    for (let i = 0; i < 4; i++) {
      clock.advance(b.remainingOpenMs(clock.now()));
      b.tick(clock.now());
      b.tryProbe();
      b.failure(clock.now(), 'still down');
      durations.push(b.remainingOpenMs(clock.now()));
    }
    expect(durations).toEqual([60_000, 100_000, 100_000, 100_000]);
  });

  it('frees the probe slot when the probe job ends without an outcome', () => {
    const clock = new FakeClock();
    const b = new CircuitBreakerPolicy(options);
    for (let i = 0; i < 3; i++) b.failure(clock.now(), 'x');
    clock.advance(30_000);
    b.tick(clock.now());
    b.tryProbe();
    b.probeAbandoned();
    expect(b.tryProbe()).toBe(true);
  });

  it('ignores outcomes reported while open (calls that started before it opened)', () => {
    const clock = new FakeClock();
    const b = new CircuitBreakerPolicy(options);
    for (let i = 0; i < 3; i++) b.failure(clock.now(), 'x');
    const before = b.state;
    expect(b.success(clock.now())).toBeNull();
    expect(b.failure(clock.now(), 'late')).toBeNull();
    expect(b.state).toEqual(before);
  });

  it('is reset by hand to closed', () => {
    const clock = new FakeClock();
    const b = new CircuitBreakerPolicy(options);
    for (let i = 0; i < 3; i++) b.failure(clock.now(), 'x');
    expect(b.reset()).toEqual({ from: 'open', to: 'closed', reason: 'reset by the user' });
    expect(b.reset()).toBeNull();
  });

  it('survives a round trip through JSON, forgetting a probe that was in flight', () => {
    const clock = new FakeClock();
    const b = new CircuitBreakerPolicy(options);
    for (let i = 0; i < 3; i++) b.failure(clock.now(), 'x');
    const open = CircuitBreakerPolicy.restore(options, JSON.parse(JSON.stringify(b.state)));
    expect(open.state).toEqual(b.state);
    clock.advance(30_000);
    open.tick(clock.now());
    open.tryProbe();
    const restored = CircuitBreakerPolicy.restore(options, JSON.parse(JSON.stringify(open.state)));
    expect(restored.state).toMatchObject({ kind: 'half_open', probing: false });
    expect(CircuitBreakerPolicy.restore(options, { nonsense: true }).state.kind).toBe('closed');
  });
});
