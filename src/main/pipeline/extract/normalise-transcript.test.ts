import { describe, expect, it } from 'vitest';
import { normaliseTranscript, wordsToNumber } from './normalise-transcript';

const ref = new Date(2026, 0, 14, 9, 0);

describe('normaliseTranscript', () => {
  it('turns spoken clock times into digits', () => {
    expect(normaliseTranscript('call alice tomorrow at three pm', ref)).toBe('call alice tomorrow at 3 pm');
    expect(normaliseTranscript('the flight leaves at six thirty am', ref)).toBe('the flight leaves at 6:30 am');
    expect(normaliseTranscript('meet at twelve fifteen p.m.', ref)).toBe('meet at 12:15 pm');
  });

  it('reads "ten in the morning" and "seven in the evening" as am and pm', () => {
    expect(normaliseTranscript('on march fifth at ten in the morning', ref)).toBe('on march fifth at 10 am');
    expect(normaliseTranscript('dinner at seven in the evening', ref)).toBe('dinner at 7 pm');
  });

  it('gives "on the twentieth" the month it means relative to the recording', () => {
    expect(normaliseTranscript('pay the bill on the twentieth', ref)).toBe('pay the bill on january 20th');
    expect(normaliseTranscript('pay the bill on the third', ref)).toBe('pay the bill on february 3rd');
    expect(normaliseTranscript('on the twenty first', ref)).toBe('on january 21st');
  });

  it('gives "wednesday the twenty first" its month, whatever follows it', () => {
    expect(normaliseTranscript('on wednesday the twenty first aid in the morning', ref)).toBe(
      'on wednesday january 21st aid in the morning',
    );
    expect(normaliseTranscript('friday the second', ref)).toBe('friday february 2nd');
  });

  it('leaves ordinary words alone', () => {
    expect(normaliseTranscript('one of the first things I need', ref)).toBe('one of the first things I need');
  });
});

describe('wordsToNumber', () => {
  it('reads number words below a hundred', () => {
    expect(wordsToNumber('seven')).toBe(7);
    expect(wordsToNumber('twenty one')).toBe(21);
    expect(wordsToNumber('forty-five')).toBe(45);
    expect(wordsToNumber('12')).toBe(12);
    expect(wordsToNumber('hundred')).toBeNull();
  });
});
