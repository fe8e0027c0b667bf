import { describe, expect, it } from 'vitest';
import { allLabel, allName, retryAnywayLabel, retryAnywayQuestion } from './retry-wording';

describe('retry-all wording', () => {
  it('never says "Retry all 1": one item is spoken of as one', () => {
    expect(allLabel('Retry', 1)).toBe('Retry');
    expect(allLabel('Retry', 3)).toBe('Retry all 3');
    expect(allName('Discard', 1, 'AUDIO_UNDECODABLE')).toBe('Discard the 1 item with AUDIO_UNDECODABLE');
    expect(allName('Retry', 2, 'SOURCE_MISSING')).toBe('Retry all 2 with SOURCE_MISSING');
    expect(retryAnywayLabel(1)).toBe('Retry it anyway');
    expect(retryAnywayLabel(2)).toBe('Retry all 2 anyway');
  });

  it('asks about one item without "1 of these 1"', () => {
    expect(retryAnywayQuestion(1, 1, 'AUDIO_UNDECODABLE')).toBe(
      'It failed for good (AUDIO_UNDECODABLE): a retry will most likely fail the same way. Retry it anyway?',
    );
    expect(retryAnywayQuestion(1, 2, 'an error in the file itself')).toBe(
      '1 of these 2 failed for good (an error in the file itself): a retry will most likely fail the same way. Retry all 2 anyway?',
    );
  });
});
