import { describe, expect, it } from 'vitest';
import { normaliseWords, wordEditDistance, wordErrorRate } from './word-error-rate';

describe('word error rate', () => {
  it('counts one substitution, one deletion and one insertion', () => {
    expect(wordEditDistance(['a', 'b', 'c'], ['a', 'x', 'c'])).toBe(1);
    expect(wordEditDistance(['a', 'b', 'c'], ['a', 'c'])).toBe(1);
    expect(wordEditDistance(['a', 'b'], ['a', 'b', 'c'])).toBe(1);
    expect(wordEditDistance([], ['a', 'b'])).toBe(2);
    expect(wordEditDistance(['a', 'b'], [])).toBe(2);
  });

  it('treats "Three P.M." and "3 pm" as the same words', () => {
    expect(normaliseWords('Call Alice at Three P.M., tomorrow!')).toEqual([
      'call',
      'alice',
      'at',
      '3',
      'pm',
      'tomorrow',
    ]);
    expect(wordErrorRate([{ reference: 'Call Alice at three p.m.', hypothesis: 'call alice at 3 pm' }]).wer).toBe(0);
  });

  it('keeps apostrophes inside words', () => {
    expect(normaliseWords("Don't forget")).toEqual(["don't", 'forget']);
  });

  it('sums errors over all pairs before dividing by all reference words', () => {
    const r = wordErrorRate([
      { reference: 'one two three four', hypothesis: 'one two three four' },
      { reference: 'buy milk', hypothesis: 'buy an elk' },
    ]);
    expect(r).toEqual({ errors: 2, words: 6, wer: 2 / 6 });
  });
});
