import { describe, expect, it } from 'vitest';
import { bulkNotice } from './bulk-notice';

describe('bulkNotice', () => {
  it('says what changed and why the rest did not', () => {
    expect(
      bulkNotice({ action: 'retry', changed: 3, skipped: 2, skippedByState: { done: 1, queued: 1 }, notFound: 0 }),
    ).toBe(
      'Retried 3 items. 2 were left as they were (1 done, 1 queued): only dead or cancelled items can be retried.',
    );
    expect(bulkNotice({ action: 'discard', changed: 1, skipped: 0, skippedByState: {}, notFound: 0 })).toBe(
      'Discarded 1 item.',
    );
    expect(bulkNotice({ action: 'cancel', changed: 0, skipped: 0, skippedByState: {}, notFound: 1 })).toBe(
      'Nothing was cancelled. 1 item no longer existed.',
    );
  });
});
