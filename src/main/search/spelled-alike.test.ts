import { describe, expect, it } from 'vitest';
import { editDistance, spelledAlike } from './spelled-alike';

describe('words spelled alike', () => {
  it('counts inserts, deletes, substitutions and swapped neighbours, and stops past the limit', () => {
    expect(editDistance('dentst', 'dentist', 2)).toBe(1);
    expect(editDistance('dentsit', 'dentist', 2)).toBe(1);
    expect(editDistance('kitten', 'sitting', 2)).toBe(3);
    expect(editDistance('abc', 'abcdefgh', 2)).toBe(3);
  });

  it('finds the indexed word a typo meant, also against the index’s stems', () => {
    expect(spelledAlike('dentst', ['dentist', 'doctor', 'deadlin'])).toEqual(['dentist']);
    expect(spelledAlike('groseries', ['groceri', 'group'])).toEqual(['groceri']);
    // "meeting" is indexed as its stem "meet".
    expect(spelledAlike('meetng', ['meet', 'met', 'mean'])).toEqual(['meet']);
  });

  it('keeps only the closest, finds nothing for short words, far words or the word itself', () => {
    expect(spelledAlike('plumbr', ['plumber', 'plumbing'])).toEqual(['plumber']);
    // A swap is one edit; every word at the best distance is kept.
    expect(spelledAlike('caek', ['cake', 'cave', 'candl'])).toEqual(['cake']);
    expect(spelledAlike('cave', ['cake', 'cape', 'candl'])).toEqual(['cake', 'cape']);
    expect(spelledAlike('cal', ['call', 'car'])).toEqual([]);
    expect(spelledAlike('xylophone', ['xerox'])).toEqual([]);
    expect(spelledAlike('dentist', ['dentist'])).toEqual([]);
  });
});
