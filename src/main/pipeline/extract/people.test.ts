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

  it('takes no word for a name that the tagger reads as an adjective, a role or a plural where a name would go', () => {
    // "lunch with priya" heard as "lunch with pretty" (tuning set, SLT voice).
    expect(peopleIn('lunch with pretty on monday')).toEqual([]);
    expect(peopleIn('see the movie with dentist friends')).toEqual([]);
    expect(peopleIn('dinner with folks on sunday')).toEqual([]);
    expect(peopleIn('lunch with priya on monday')).toEqual(['Priya']);
  });

  it('reads the words as ASR gives them: capitals do not make a name', () => {
    expect(peopleIn('Lunch with Pretty on Monday')).toEqual([]);
    expect(peopleIn('Coffee with Sunny tomorrow')).toEqual([]);
    expect(peopleIn('Lunch with Priya on Monday')).toEqual(['Priya']);
  });

  it('takes no name after a determiner: "the grace period" is a thing', () => {
    expect(peopleIn('the grace period ends on friday')).toEqual([]);
    expect(peopleIn('pay the bill and ask the grace committee')).toEqual([]);
    expect(peopleIn('grace is coming on friday')).toEqual(['Grace']);
  });

  it('takes a listed name joined to a person word, even where the tagger reads it as a verb', () => {
    // "dinner with Emma and Jack" heard as "dinner with them and jack" (tuning set, SLT voice).
    expect(peopleIn('dinner with them and jack on friday')).toEqual(['Jack']);
    expect(peopleIn('ask them and will go')).toEqual([]);
    expect(peopleIn('tell him and mark the date')).toEqual([]);
  });

  it('takes no unknown word with the ending of a thing or a role for a name', () => {
    expect(peopleIn('call groomer on monday')).toEqual([]);
    expect(peopleIn('meet her at the station and call insurance')).toEqual([]);
    expect(peopleIn('lunch with asher on monday')).toEqual(['Asher']);
  });
});
