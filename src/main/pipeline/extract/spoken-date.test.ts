import { describe, expect, it } from 'vitest';
import { plausibleHour, repairSpokenTimes, resolveSpokenDate } from './spoken-date';

/** Wednesday 14 January 2026, 09:00 local: when the recording was made. */
const recordedAt = new Date(2026, 0, 14, 9, 0);
const local = (m: number, d: number, h = 0, min = 0) => new Date(2026, m - 1, d, h, min).toISOString();

describe('dates as they are said', () => {
  it('keeps a day with no time date-only, at the start of that day', () => {
    expect(resolveSpokenDate('call alice on friday', recordedAt)).toEqual({
      at: local(1, 16),
      allDay: true,
      repeats: null,
    });
    expect(resolveSpokenDate('cancel the gym before the end of the month', recordedAt)).toEqual({
      at: local(1, 31),
      allDay: true,
      repeats: null,
    });
  });

  it('gives a bare hour the plausible half of the day', () => {
    expect(resolveSpokenDate('pick up the kids at four on friday', recordedAt)?.at).toBe(local(1, 16, 16));
    expect(resolveSpokenDate('book club is at seven on thursday', recordedAt)?.at).toBe(local(1, 15, 19));
    expect(resolveSpokenDate('the gym at seven on thursday', recordedAt)?.at).toBe(local(1, 15, 7));
    expect(plausibleHour(12, 'lunch')).toBe(12);
  });

  it('keeps an hour said with am, pm or a part of the day as said', () => {
    expect(resolveSpokenDate('the flight leaves saturday at six in the morning', recordedAt)?.at).toBe(local(1, 17, 6));
    expect(resolveSpokenDate('dinner on friday at eight am', recordedAt)?.at).toBe(local(1, 16, 8));
  });

  it('tolerates "and" heard for "at" before a time', () => {
    expect(resolveSpokenDate('a dentist appointment next tuesday and nine in the morning', recordedAt)).toEqual({
      at: local(1, 20, 9),
      allDay: false,
      repeats: null,
    });
    expect(repairSpokenTimes('pick up the kids and four on friday')).toBe('pick up the kids at four on friday');
    expect(repairSpokenTimes('buy milk and four eggs')).toBe('buy milk and four eggs');
  });

  it('tolerates "it" heard for "eight" where a time must stand, and "than the morning" for "in the morning"', () => {
    expect(resolveSpokenDate('the electrician comes on wednesday at it than the morning', recordedAt)?.at).toBe(
      local(1, 21, 8),
    );
    expect(resolveSpokenDate('dinner with emma on friday at it', recordedAt)?.at).toBe(local(1, 16, 20));
    expect(resolveSpokenDate('the plumber comes on monday at it and the morning', recordedAt)?.at).toBe(
      local(1, 19, 8),
    );
    expect(resolveSpokenDate('the bus leaves on monday at ten and the evening', recordedAt)?.at).toBe(local(1, 19, 22));
    expect(repairSpokenTimes('have a look at it on friday')).toBe('have a look at it on friday');
    expect(repairSpokenTimes('i was good at it')).toBe('i was good at it');
  });

  it('resolves relative dates against the recording, not the time of processing', () => {
    expect(resolveSpokenDate('call mom tomorrow', new Date(2025, 5, 30, 20, 0))).toEqual({
      at: new Date(2025, 6, 1).toISOString(),
      allDay: true,
      repeats: null,
    });
    // "at four" heard at 9 am is this afternoon; "every wednesday at four" on a Wednesday morning is today.
    expect(resolveSpokenDate('call mom at four', recordedAt)?.at).toBe(local(1, 14, 16));
    expect(resolveSpokenDate('swimming every wednesday at four', recordedAt)).toEqual({
      at: local(1, 14, 16),
      allDay: false,
      repeats: 'weekly',
    });
  });

  it('reads spoken forms: half past, the ordinal day, Month the ordinal', () => {
    expect(resolveSpokenDate('meet at half past three on friday', recordedAt)?.at).toBe(local(1, 16, 15, 30));
    expect(resolveSpokenDate('pay the rent on the first', recordedAt)).toMatchObject({ at: local(2, 1), allDay: true });
    expect(resolveSpokenDate("it's mark's birthday on march the third", recordedAt)).toMatchObject({
      at: local(3, 3),
      allDay: true,
    });
  });

  it('reads "a week from Monday" and "Monday week" as the day a week after the one named', () => {
    expect(resolveSpokenDate('send the invoice a week from monday', recordedAt)).toMatchObject({
      at: local(1, 26),
      allDay: true,
    });
    expect(resolveSpokenDate('send the invoice monday week', recordedAt)?.at).toBe(local(1, 26));
    expect(resolveSpokenDate('the boiler man comes a week on friday at ten', recordedAt)?.at).toBe(local(1, 23, 10));
    expect(resolveSpokenDate('send the invoice on monday', recordedAt)?.at).toBe(local(1, 19));
  });

  it('joins a day and an hour said apart', () => {
    // "soccer practice is on tuesdays at five" as pocketsphinx heard it.
    expect(resolveSpokenDate('soccer practices on tuesday is at five', recordedAt)).toMatchObject({
      at: local(1, 20, 17),
      allDay: false,
    });
    expect(resolveSpokenDate('at five the practice on tuesday', recordedAt)?.at).toBe(local(1, 20, 17));
    expect(resolveSpokenDate('the train on friday leaves at 7 am', recordedAt)?.at).toBe(local(1, 16, 7));
    // A number that is not a time stays out of it.
    expect(resolveSpokenDate('pay kevin back the twenty pounds next friday', recordedAt)).toMatchObject({
      at: local(1, 23),
      allDay: true,
    });
  });

  it('reads a weekday with its ordinal as that date', () => {
    expect(resolveSpokenDate('the electrician comes on wednesday the twenty first', recordedAt)).toMatchObject({
      at: local(1, 21),
      allDay: true,
    });
  });

  it('reads a range of hours as its start', () => {
    // "between ten and noon", as pocketsphinx heard it: "and two" at the end is not "at two".
    expect(resolveSpokenDate('the plumbers coming tomorrow between ten and two', recordedAt)?.at).toBe(
      local(1, 15, 10),
    );
    expect(resolveSpokenDate('the plumber is coming tomorrow between ten and noon', recordedAt)?.at).toBe(
      local(1, 15, 10),
    );
    expect(resolveSpokenDate('the shop is open on saturday from two to five pm', recordedAt)?.at).toBe(
      local(1, 17, 14),
    );
  });

  it('takes a club at seven as the evening', () => {
    expect(resolveSpokenDate('the club is at seven on thursday', recordedAt)?.at).toBe(local(1, 15, 19));
  });

  it('finds no date where none is said', () => {
    expect(resolveSpokenDate('the new office is on the third floor', recordedAt)).toBeNull();
    expect(resolveSpokenDate('i need to renew my passport', recordedAt)).toBeNull();
    // "now" is when the memo is spoken, not a date it gives.
    expect(resolveSpokenDate('i think that is everything for now', recordedAt)).toBeNull();
    expect(resolveSpokenDate('i am busy right now', recordedAt)).toBeNull();
    expect(resolveSpokenDate('water the plants every morning', recordedAt)).toEqual({
      at: null,
      allDay: false,
      repeats: 'daily',
    });
  });
});
