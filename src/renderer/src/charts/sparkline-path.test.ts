import { describe, expect, it } from 'vitest';
import { niceMax, sparklineArea, sparklinePath } from './sparkline-path';

const box = { width: 100, height: 20, pad: 0 };

describe('sparkline path', () => {
  it('spreads values across the width with the largest at the top', () => {
    expect(sparklinePath([0, 5, 10], box)).toBe('M0 20 L50 10 L100 0');
  });

  it('leaves a gap where a value is missing', () => {
    expect(sparklinePath([1, null, 1], box)).toBe('M0 0 M100 0');
  });

  it('draws a flat line at the bottom when every value is zero, and a single value in the middle', () => {
    expect(sparklinePath([0, 0], box)).toBe('M0 20 L100 20');
    expect(sparklinePath([3], box)).toBe('M50 0');
    expect(sparklinePath([], box)).toBe('');
  });

  it('clips values above a given maximum', () => {
    expect(sparklinePath([20, 5], box, 10)).toBe('M0 0 L100 10');
  });

  it('closes the area down to the baseline', () => {
    expect(sparklineArea([0, 10], box)).toBe('M0 20 L100 0 L100 20 L0 20 Z');
    expect(sparklineArea([0, null, 1], box)).toBe('');
  });

  it('rounds an axis top up to 1, 2 or 5 times a power of ten', () => {
    expect(niceMax(0)).toBe(1);
    expect(niceMax(3)).toBe(5);
    expect(niceMax(12)).toBe(20);
    expect(niceMax(0.3)).toBe(0.5);
    expect(niceMax(100)).toBe(100);
  });
});
