import { describe, expect, it } from 'vitest';
import { formatDue, formatOffset } from './media-time';
import { formatWhen } from './upcoming-when';

describe('positions in a recording', () => {
  it('reads like a player’s clock, rounded down to the second', () => {
    expect(formatOffset(0)).toBe('0:00');
    expect(formatOffset(4.9)).toBe('0:04');
    expect(formatOffset(65)).toBe('1:05');
    expect(formatOffset(750.2)).toBe('12:30');
    expect(formatOffset(3723)).toBe('1:02:03');
  });

  it('never shows a negative or broken time', () => {
    expect(formatOffset(-3)).toBe('0:00');
    expect(formatOffset(Number.NaN)).toBe('0:00');
  });

  it('shows an unreadable date as it came rather than “Invalid Date”', () => {
    expect(formatDue('not a date')).toBe('not a date');
    expect(formatDue('2026-11-24T15:00:00.000Z', false, new Date(2025, 0, 1))).toMatch(/2026/);
  });

  it('shows a date said without a time as the day alone, never as midnight or noon', () => {
    const friday = new Date(2026, 11, 11).toISOString();
    const shown = formatDue(friday, true, new Date(2026, 11, 7));
    expect(shown).toMatch(/11/);
    expect(shown).not.toMatch(/\d:\d\d|AM|PM|2026/);
    expect(formatDue(friday, true, new Date(2025, 0, 1))).toMatch(/2026/);
  });

  it('says a due date in the words Upcoming uses for it, day alone or with its time', () => {
    const now = new Date(2026, 11, 7);
    expect(formatDue(new Date(2026, 11, 11).toISOString(), true, now)).toBe(
      formatWhen({ day: '2026-12-11', at: null, allDay: true }),
    );
    const fourPm = new Date(2026, 11, 11, 16, 0).toISOString();
    expect(formatDue(fourPm, false, now)).toBe(formatWhen({ day: '2026-12-11', at: fourPm, allDay: false }));
  });
});
