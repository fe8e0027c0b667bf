import { describe, expect, it } from 'vitest';
import type { SearchHit } from '../../shared/contract';
import { formatHits } from './search-command';

const hit = (snippet: string): SearchHit => ({
  itemId: 1,
  fileName: 'todo1.wav',
  kind: 'todo',
  snippet,
  marked: snippet,
  text: 'Tell alice on friday about the birthday party',
  start: 0,
  at: '2026-12-11T00:00:00.000Z',
  allDay: true,
  rank: -1,
  match: 'close',
  transcript: null,
});

describe('lifeline search', () => {
  it('drops a memory date the snippet cut in half, and keeps a whole one (the only date it shows)', () => {
    const cut = formatHits([hit('Tell [alice] on friday about the birthday party (2026-12…')], 0);
    expect(cut).toMatch(/Tell \[alice\] on friday about the birthday party$/m);
    expect(cut).not.toContain('(2026-12…');
    const whole = formatHits([hit('Tell [alice] on friday (2026-12-11)')], 1);
    expect(whole).toMatch(/Tell \[alice\] on friday \(2026-12-11\)$/m);
  });
});
