import { describe, expect, it } from 'vitest';
import { retryDelayMs } from './backoff';

const options = { baseMs: 1000, capMs: 30_000 };

describe('retryDelayMs', () => {
  it('doubles the ceiling with each attempt until the cap', () => {
    const max = (attempt: number) => retryDelayMs(attempt, options, () => 0.999999999);
    expect(max(1)).toBe(1000);
    expect(max(2)).toBe(2000);
    expect(max(3)).toBe(4000);
    expect(max(5)).toBe(16_000);
    expect(max(6)).toBe(30_000);
    expect(max(60)).toBe(30_000);
    expect(max(5000)).toBe(30_000);
  });

  it('spreads delays over the whole range (full jitter), down to zero', () => {
    expect(retryDelayMs(4, options, () => 0)).toBe(0);
    expect(retryDelayMs(4, options, () => 0.5)).toBe(4000);
  });

  it('refuses attempts that are not whole numbers from 1', () => {
    expect(() => retryDelayMs(0, options)).toThrow(RangeError);
    expect(() => retryDelayMs(1.5, options)).toThrow(RangeError);
  });
});
