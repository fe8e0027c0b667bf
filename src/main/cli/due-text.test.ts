import { describe, expect, it } from 'vitest';
import { dueText } from './format';

describe('when the CLI says a memory is due', () => {
  it('prints a day said without a time as the date alone, and says when it repeats', () => {
    expect(dueText({ at: new Date(2026, 0, 16).toISOString(), allDay: true, repeats: null })).toBe('Fri 2026-01-16');
    expect(dueText({ at: new Date(2026, 0, 16, 16, 0).toISOString(), allDay: false, repeats: 'weekly' })).toBe(
      'Fri 2026-01-16 16:00 weekly',
    );
    expect(dueText({ at: null, allDay: false, repeats: null })).toBe('');
  });

  it("prints a time on the reader's clock as upcoming does, never as a UTC timestamp", () => {
    const due = dueText({ at: new Date(2026, 11, 15, 9, 0).toISOString(), allDay: false, repeats: null });
    expect(due).toBe('Tue 2026-12-15 09:00');
    expect(due).not.toMatch(/T\d\d:|Z$/);
  });
});
