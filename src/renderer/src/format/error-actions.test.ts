import { describe, expect, it } from 'vitest';
import { permanentShare, retryWillFailAgain } from './error-actions';

describe('which action an error calls for', () => {
  it('knows that a file that is not decodable audio fails the same way on every retry', () => {
    expect(retryWillFailAgain('AUDIO_UNDECODABLE')).toBe(true);
    expect(retryWillFailAgain('AUDIO_EMPTY')).toBe(true);
  });

  it('keeps Retry first for a service failure, a crash or a file that went missing', () => {
    expect(retryWillFailAgain('ASR_UNREACHABLE')).toBe(false);
    expect(retryWillFailAgain('RECOVERY_EXHAUSTED')).toBe(false);
    expect(retryWillFailAgain('SOURCE_MISSING')).toBe(false);
    expect(retryWillFailAgain(null)).toBe(false);
  });

  it('counts how many of a bulk retry would fail again, so the retry can ask first', () => {
    expect(
      permanentShare([
        { code: 'AUDIO_UNDECODABLE', count: 3_915 },
        { code: 'ASR_TIMEOUT', count: 12 },
        { code: 'AUDIO_EMPTY', count: 2 },
      ]),
    ).toEqual({ count: 3_917, codes: ['AUDIO_UNDECODABLE', 'AUDIO_EMPTY'], total: 3_929 });
  });
});
