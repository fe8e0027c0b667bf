import { describe, expect, it } from 'vitest';
import { reconnectDelay } from './reconnect-delay';

describe('reconnectDelay', () => {
  it('waits a little at first and doubles after each failed attempt', () => {
    const half = () => 0.5;
    expect(reconnectDelay(0, half)).toBe(188);
    expect(reconnectDelay(1, half)).toBe(375);
    expect(reconnectDelay(2, half)).toBe(750);
  });

  it('never waits longer than the ceiling, however many attempts failed', () => {
    expect(reconnectDelay(50, () => 0.999_999)).toBeLessThanOrEqual(10_000);
    expect(reconnectDelay(50, () => 0)).toBe(5_000);
  });
});
