import { describe, expect, it } from 'vitest';
import { oneLevelOfParentheses } from './one-level-of-parentheses';

describe('reasons read with one level of parentheses at most', () => {
  it('turns parentheses three deep into one level with commas', () => {
    expect(
      oneLevelOfParentheses(
        'Speech server is failing (ASR_UNREACHABLE (connect ECONNREFUSED (127.0.0.1:8080))); next try at 10:00',
      ),
    ).toBe('Speech server is failing (ASR_UNREACHABLE, connect ECONNREFUSED, 127.0.0.1:8080); next try at 10:00');
  });

  it('leaves one level, and text without parentheses, alone', () => {
    expect(oneLevelOfParentheses('Workers: starting 2 worker processes (3 s so far)')).toBe(
      'Workers: starting 2 worker processes (3 s so far)',
    );
    expect(oneLevelOfParentheses('all good')).toBe('all good');
    expect(oneLevelOfParentheses('a (b) and (c)')).toBe('a (b) and (c)');
  });
});
