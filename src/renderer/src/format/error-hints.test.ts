import { describe, expect, it } from 'vitest';
import { errorHint } from './error-hints';

describe('errorHint', () => {
  it('says what to do for the errors the engine raises today', () => {
    expect(errorHint('SOURCE_MISSING')).toMatch(/Put it back .* Retry/);
    expect(errorHint('IO_EACCES')).toMatch(/disk/);
  });

  it('gives general advice for codes it does not know', () => {
    expect(errorHint('ASR_TIMEOUT')).toMatch(/Retry/);
  });
});
