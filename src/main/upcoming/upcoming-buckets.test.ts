import { describe, expect, it } from 'vitest';
import { addDays, dueDay, upcomingBucket } from './upcoming-buckets';

const today = '2026-12-07'; // a Monday
const todo = (day: string | null, done = false) => ({ kind: 'todo' as const, day, done });
const event = (day: string | null, done = false) => ({ kind: 'event' as const, day, done });

describe('upcomingBucket', () => {
  it('puts a to-do whose day has passed under overdue until it is ticked Done', () => {
    expect(upcomingBucket(todo('2026-12-06'), today)).toBe('overdue');
    expect(upcomingBucket(todo('2026-12-06', true), today)).toBeNull();
  });

  it('lists today, the next six days as this week, and the rest as later', () => {
    expect(upcomingBucket(event(today), today)).toBe('today');
    expect(upcomingBucket(event('2026-12-08'), today)).toBe('week');
    expect(upcomingBucket(event('2026-12-13'), today)).toBe('week');
    expect(upcomingBucket(event('2026-12-14'), today)).toBe('later');
  });

  it('keeps a ticked to-do of today in today, and lists undated to-dos but not undated events', () => {
    expect(upcomingBucket(todo(today, true), today)).toBe('today');
    expect(upcomingBucket(todo(null), today)).toBe('undated');
    expect(upcomingBucket(event(null), today)).toBeNull();
  });

  it('counts days across a month and a year end', () => {
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
  });
});

describe('dueDay', () => {
  const utc = () => 0;
  const newYork = () => -300;
  it('takes a time of day in the local time zone', () => {
    expect(dueDay('2026-12-08T02:00:00.000Z', false, utc)).toBe('2026-12-08');
    expect(dueDay('2026-12-08T02:00:00.000Z', false, newYork)).toBe('2026-12-07');
  });

  it('keeps a date said without a time on that day in every time zone', () => {
    expect(dueDay('2026-12-08', false, newYork)).toBe('2026-12-08');
    expect(dueDay('2026-12-08T00:00:00.000Z', true, newYork)).toBe('2026-12-08');
  });

  it('has no day without a date, or with one it cannot read', () => {
    expect(dueDay(null, false, utc)).toBeNull();
    expect(dueDay('soon', false, utc)).toBeNull();
  });
});
