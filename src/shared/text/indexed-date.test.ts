import { describe, expect, it } from 'vitest';
import { withoutCutIndexedDate, withoutIndexedDate } from './indexed-date';

describe("a memory's indexed date in a search snippet", () => {
  it('drops a date stump the snippet cut, and a whole date only where the date is shown apart', () => {
    expect(withoutCutIndexedDate('the birthday party (2026-12…')).toBe('the birthday party');
    expect(withoutCutIndexedDate('the party (2026-12-11)')).toBe('the party (2026-12-11)');
    expect(withoutIndexedDate('the party (2026-12-11)')).toBe('the party');
    expect(withoutIndexedDate('the party ([2026]-12-11)')).toBe('the party ([2026]-12-11)');
  });
});
