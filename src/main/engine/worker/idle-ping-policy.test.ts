import { describe, expect, it } from 'vitest';
import { IdlePings } from './idle-ping-policy';

const limits = { silentAfterMs: 2_000, replaceAfterMs: 10_000 };

describe('the pings of an idle worker', () => {
  it('counts a worker that answers every ping as answering, however long it has been idle', () => {
    const p = new IdlePings();
    for (let t = 0; t < 60_000; t += 1_000) {
      p.sent(t);
      p.answered();
      expect(p.verdict(t + 500, limits)).toBe('answering');
    }
  });

  it('gives a silent worker no job after two heartbeats and replaces it after a lease, timed from its first unanswered ping', () => {
    const p = new IdlePings();
    p.sent(0);
    p.sent(1_000);
    expect(p.verdict(1_999, limits)).toBe('answering');
    expect(p.verdict(2_000, limits)).toBe('silent');
    p.sent(5_000);
    expect(p.verdict(9_999, limits)).toBe('silent');
    expect(p.verdict(10_000, limits)).toBe('unresponsive');
  });

  it('takes a worker that answers again back at once', () => {
    const p = new IdlePings();
    p.sent(0);
    expect(p.verdict(5_000, limits)).toBe('silent');
    p.answered();
    expect(p.verdict(5_001, limits)).toBe('answering');
    expect(p.silentForMs(5_001)).toBe(0);
  });
});
