import { describe, expect, it } from 'vitest';
import { progressText, stepText } from './progress-text';

describe('the words beside a progress bar', () => {
  it("shows the stage's own words and how far, not a step name that repeats the stage", () => {
    const p = { step: 'transcribe', percent: 71.4, message: '5 of 7 chunks transcribed (pocketsphinx)' };
    expect(progressText(p)).toBe('71% · 5 of 7 chunks transcribed (pocketsphinx)');
    expect(progressText({ step: 'extract', percent: null, message: 'extracting memories (rules)' })).toBe(
      'extracting memories (rules)',
    );
  });

  it('falls back to the step, or says nothing was reported yet', () => {
    expect(progressText({ step: 'try_2_of_3', percent: 40, message: null })).toBe('try 2 of 3 40%');
    expect(progressText(null)).toBe('no progress reported yet');
    expect(stepText({ step: 'copy', percent: 0, message: 'copying into the store' })).toBe('copy 0%');
  });
});
