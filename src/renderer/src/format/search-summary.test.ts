import { describe, expect, it } from 'vitest';
import { searchSummary } from './search-summary';

const found = { query: 'dentist', among: '', limit: 50 };

describe('the line above search results', () => {
  it('says plainly that nothing matched, without "best first"', () => {
    expect(searchSummary({ ...found, query: 'dentst', hits: 0, exact: 0 })).toBe('No match for “dentst”');
    expect(searchSummary({ ...found, among: ' in to-dos', hits: 0, exact: 0 })).toBe(
      'No match for “dentist” in to-dos',
    );
  });

  it('ranks hits with every word first and says when the rest are close matches', () => {
    expect(searchSummary({ ...found, hits: 1, exact: 1 })).toBe('1 match for “dentist”, best first');
    expect(searchSummary({ ...found, hits: 3, exact: 1 })).toBe('1 match for “dentist”, then close matches');
    expect(searchSummary({ ...found, query: 'call alice', hits: 2, exact: 0 })).toBe(
      'No exact match for “call alice”; close matches',
    );
    expect(searchSummary({ ...found, hits: 50, exact: 50 })).toBe('The best 50 matches for “dentist”');
  });
});
