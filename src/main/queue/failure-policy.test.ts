import { describe, expect, it } from 'vitest';
import { decideFailure } from './failure-policy';

const backoff = { baseMs: 1000, capMs: 60_000 };
const transient = { code: 'ASR_TIMEOUT', message: 'timed out', permanent: false };
const permanent = { code: 'AUDIO_UNDECODABLE', message: 'not audio', permanent: true };

describe('decideFailure', () => {
  it('never retries a permanent error, even on the first attempt', () => {
    expect(decideFailure(permanent, 1, 5, backoff)).toEqual({ kind: 'dead', reason: 'permanent' });
  });

  it('retries a transient error with backoff while attempts remain', () => {
    expect(decideFailure(transient, 2, 5, backoff, () => 0.5)).toEqual({ kind: 'retry', delayMs: 1000 });
  });

  it('makes a dead letter once the attempts are used up', () => {
    expect(decideFailure(transient, 5, 5, backoff)).toEqual({ kind: 'dead', reason: 'attempts_exhausted' });
  });
});
