import { describe, expect, it } from 'vitest';
import { formatWhen } from './upcoming-when';

describe('formatWhen', () => {
  it('shows a date said without a time as the day only', () => {
    const when = formatWhen({ day: '2026-12-11', at: '2026-12-11T00:00:00.000Z', allDay: true });
    expect(when).toMatch(/Fri/);
    expect(when).not.toMatch(/\d:\d\d/);
  });

  it('adds the time when one was said', () => {
    expect(formatWhen({ day: '2026-12-11', at: new Date(2026, 11, 11, 16, 0).toISOString(), allDay: false })).toMatch(
      /Fri.*4:00/,
    );
  });

  it('names the year of a day in another year, as the Memories screen does', () => {
    const now = new Date(2026, 11, 7, 12, 0);
    expect(formatWhen({ day: '2027-03-12', at: '2027-03-12T00:00:00.000Z', allDay: true }, now)).toMatch(/2027/);
    expect(formatWhen({ day: '2027-01-05', at: new Date(2027, 0, 5, 9, 0).toISOString(), allDay: false }, now)).toMatch(
      /2027.*9:00/,
    );
    expect(formatWhen({ day: '2026-12-11', at: '2026-12-11T00:00:00.000Z', allDay: true }, now)).not.toMatch(/2026/);
  });

  it('has nothing to show without a date', () => {
    expect(formatWhen({ day: null, at: null, allDay: false })).toBeNull();
  });
});
