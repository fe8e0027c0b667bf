import { describe, expect, it } from 'vitest';
import { peopleIn } from './people';

describe('people from name evidence', () => {
  it('finds first names the name list knows, in ASR text without capitals', () => {
    expect(peopleIn('call alice tomorrow about the report')).toEqual(['Alice']);
    expect(peopleIn('dinner with emma and jack on friday at eight')).toEqual(['Emma', 'Jack']);
  });

  it('takes an unknown word as a name only where a name goes', () => {
    expect(peopleIn('lunch with priya on monday at noon')).toEqual(['Priya']);
    expect(peopleIn("it's raj's birthday on saturday")).toEqual(['Raj']);
    expect(peopleIn('take the dog to the groomer on friday')).toEqual([]);
  });

  it('keeps a title with the name it comes with', () => {
    expect(peopleIn('ask doctor patel about the test results')).toEqual(['Doctor Patel']);
  });

  it('never takes time words or common nouns for people', () => {
    expect(peopleIn("Pick up the kids at four O'clock on Friday")).toEqual([]);
    expect(peopleIn('call the bank and ask about the bill')).toEqual([]);
    expect(peopleIn('mark the date in the calendar')).toEqual([]);
    expect(peopleIn('call mom tonight')).toEqual([]);
  });
});
