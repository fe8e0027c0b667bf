import { describe, expect, it } from 'vitest';
import { dueText } from './format';

describe('when the CLI says a memory is due', () => {
  it('prints a day said without a time as the date alone, and says when it repeats', () => {
    expect(dueText({ at: new Date(2026, 0, 16).toISOString(), allDay: true, repeats: null })).toBe('2026-01-16');
    expect(dueText({ at: '2026-01-16T16:00:00.000Z', allDay: false, repeats: 'weekly' })).toBe(
      '2026-01-16T16:00:00.000Z weekly',
    );
    expect(dueText({ at: null, allDay: false, repeats: null })).toBe('');
  });
});
