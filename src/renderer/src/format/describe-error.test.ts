import { describe, expect, it } from 'vitest';
import { describeError } from './describe-error';

describe('describeError', () => {
  it('leads with what happened and keeps the server message as a sentence', () => {
    expect(
      describeError({
        code: 'INVALID_STATE',
        message: 'item 3 is queued; only dead or cancelled items can be retried',
      }),
    ).toBe('Not possible right now. Item 3 is queued; only dead or cancelled items can be retried.');
  });

  it('passes a transport message through', () => {
    expect(describeError({ code: 'TRANSPORT', message: 'Cannot reach the Lifeline server.' })).toBe(
      'Cannot reach the Lifeline server.',
    );
  });
});
