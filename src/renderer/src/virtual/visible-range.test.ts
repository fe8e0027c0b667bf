import { describe, expect, it } from 'vitest';
import { pagesOf, visibleRange } from './visible-range';

describe('visibleRange', () => {
  it('renders the rows in view plus the overscan, never past either end', () => {
    expect(visibleRange(0, 400, 40, 100_000, 5)).toEqual({ first: 0, last: 14 });
    expect(visibleRange(40_000, 400, 40, 100_000, 5)).toEqual({ first: 995, last: 1014 });
    expect(visibleRange(4_000_000, 400, 40, 100_000, 5)).toEqual({ first: 99_995, last: 99_999 });
    expect(visibleRange(3_999_600, 400, 40, 100_000, 5).last).toBe(99_999);
  });

  it('renders nothing for an empty list', () => {
    expect(visibleRange(0, 400, 40, 0, 5)).toEqual({ first: 0, last: -1 });
  });

  it('shows at least one row before the viewport is measured', () => {
    expect(visibleRange(0, 0, 40, 10, 0)).toEqual({ first: 0, last: 0 });
  });
});

describe('pagesOf', () => {
  it('names each page a range touches once', () => {
    expect(pagesOf({ first: 95, last: 205 }, 100)).toEqual([0, 1, 2]);
    expect(pagesOf({ first: 0, last: -1 }, 100)).toEqual([]);
  });
});
