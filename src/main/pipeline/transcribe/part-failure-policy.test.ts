import { describe, expect, it } from 'vitest';
import { classifyPartFailure, needsCheck, setAsideReason, type PartFailure } from './part-failure-policy';

/** A fake clock: the times the stage would read, in ms. */
const t0 = 1_000_000;
const timeout: PartFailure = { code: 'ASR_TIMEOUT', permanent: false, serviceFault: true, at: t0 };
const options = { tries: 1, maxTries: 3, checkWithinMs: 10_000 };
const passed = (startedAt: number, endedAt = startedAt + 400) => ({ startedAt, endedAt, passed: true });

describe('what a failed part of a transcription means', () => {
  it('calls a timeout the part’s fault (PART_TIMEOUT) when the service answers a real-work check made right after it', () => {
    expect(classifyPartFailure(timeout, passed(t0 + 5), options)).toEqual({
      kind: 'part',
      code: 'PART_TIMEOUT',
      next: 'retry',
      because: 'timed out, and the service answered its check 0.4 s later',
    });
  });

  it('keeps a timeout the service’s when its check fails too, so the stage parks with no attempt spent', () => {
    expect(
      classifyPartFailure(
        timeout,
        { startedAt: t0, endedAt: t0 + 30_000, passed: false, failure: 'timed out' },
        options,
      ),
    ).toEqual({ kind: 'service', because: 'its check failed too (timed out)' });
    expect(classifyPartFailure(timeout, null, options).kind).toBe('service');
  });

  it('does not let a check from long after the timeout speak for it (the boundary is the window)', () => {
    expect(classifyPartFailure(timeout, passed(t0 + 10_000), options).kind).toBe('part');
    expect(classifyPartFailure(timeout, passed(t0 + 10_001), options)).toMatchObject({ kind: 'service' });
    // A check from before the failure says nothing about it either.
    expect(classifyPartFailure(timeout, passed(t0 - 1), options).kind).toBe('service');
  });

  it('sets the part aside on its last try, and retries it before', () => {
    expect(classifyPartFailure(timeout, passed(t0), { ...options, tries: 2 })).toMatchObject({ next: 'retry' });
    expect(classifyPartFailure(timeout, passed(t0), { ...options, tries: 3 })).toMatchObject({ next: 'set_aside' });
  });

  it('blames the part for a server error that a working check shows is not the server’s, keeping its code', () => {
    const crash = { ...timeout, code: 'ASR_SERVER_ERROR' };
    expect(classifyPartFailure(crash, passed(t0), options)).toMatchObject({ kind: 'part', code: 'ASR_SERVER_ERROR' });
  });

  it('never blames the part for a busy service or a permanent refusal, and checks neither', () => {
    const busy = { ...timeout, code: 'ASR_BUSY' };
    expect(needsCheck(busy)).toBe(false);
    expect(classifyPartFailure(busy, passed(t0), options).kind).toBe('service');
    const refused = { ...timeout, code: 'ASR_REJECTED', permanent: true, serviceFault: false };
    expect(needsCheck(refused)).toBe(false);
    expect(classifyPartFailure(refused, null, options)).toEqual({ kind: 'permanent' });
  });

  it('blames the part, without a check, for a transient error the engine does not blame on its service', () => {
    const own = { code: 'ASR_GARBLED', permanent: false, serviceFault: false, at: t0 };
    expect(needsCheck(own)).toBe(false);
    expect(classifyPartFailure(own, null, options)).toMatchObject({ kind: 'part', code: 'ASR_GARBLED' });
  });

  it('says why a part was set aside in words', () => {
    expect(setAsideReason('PART_TIMEOUT', 3)).toBe(
      'timed out 3 times while the transcription engine answered its check',
    );
    expect(setAsideReason('ASR_SERVER_ERROR', 1)).toBe('failed once (ASR_SERVER_ERROR)');
  });
});
