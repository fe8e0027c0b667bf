import { describe, expect, it } from 'vitest';
import { recheckDelayMs } from './recheck-policy';

describe('how soon a down service is checked again', () => {
  it('checks again within a few seconds at first, then backs off to no more than 10 s between checks', () => {
    const delays = Array.from({ length: 8 }, (_, i) => recheckDelayMs(i + 1));
    expect(delays.slice(0, 5)).toEqual([2_000, 3_000, 4_500, 6_750, 10_000]);
    for (const d of delays) expect(d).toBeLessThanOrEqual(10_000);
    expect(delays.at(-1)).toBe(10_000);
  });

  it('an hour-long outage costs at most a few hundred checks', () => {
    let t = 0;
    let n = 0;
    while (t < 3_600_000) t += recheckDelayMs(++n);
    expect(n).toBeLessThan(370);
  });
});
