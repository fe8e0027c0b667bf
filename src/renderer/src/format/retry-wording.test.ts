import { describe, expect, it } from 'vitest';
import { allLabel, allName, retriedHeading, retryAnywayLabel, retryAnywayQuestion } from './retry-wording';

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

describe('the heading over retried items', () => {
  it('says "Back in the queue" only of items that did not fail again', () => {
    expect(retriedHeading(0, 2)).toBe('Back in the queue');
    expect(retriedHeading(1, 1)).toBe('Failed again after the retry');
    expect(retriedHeading(2, 2)).toBe('Failed again after the retries');
    expect(retriedHeading(1, 3)).toBe('Back in the queue, or failed again');
  });
});
