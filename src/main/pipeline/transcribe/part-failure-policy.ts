/**
 * What a failed part (chunk) of a transcription means (pure; the clock is passed in). A part that
 * fails through no fault of the service is tried a bounded number of times and then set aside, so
 * one bad stretch of audio never costs the rest of the recording; a service that is down stops the
 * stage instead (its breaker, no attempt spent), and no part is blamed for it.
 */

/** Tries of one part (the first and its retries) before it is set aside. Default. */
export const defaultMaxPartTries = 3;

/**
 * How soon after a timeout the service's real-work check must start for its answer to speak for
 * the moment the part timed out, ms. Default 10 s.
 */
export const defaultCheckWithinMs = 10_000;

/** The service's real-work check, made after a part failed. Times in ms on the caller's clock. */
export interface CheckAfterFailure {
  startedAt: number;
  endedAt: number;
  passed: boolean;
  /** Why it failed, when it did. */
  failure?: string;
}

export interface PartFailure {
  code: string;
  permanent: boolean;
  /** The engine classed it as its service's fault (timeout, refused, 5xx). */
  serviceFault: boolean;
  /** When it failed. */
  at: number;
}

export type PartVerdict =
  /** The service is at fault (or nothing shows otherwise): the stage stops as before. */
  | { kind: 'service'; because: string }
  /** No retry can help (bad request, refused key): the stage stops as before. */
  | { kind: 'permanent' }
  /** The part's own fault: try it again, or set it aside once it has had its tries. */
  | { kind: 'part'; code: string; next: 'retry' | 'set_aside'; because: string };

export interface PartFailureOptions {
  /** Tries the part has had so far in this run, this one included. */
  tries: number;
  maxTries: number;
  checkWithinMs: number;
}

/** A service fault that a real-work check may clear: not "busy", which is the service's by definition. */
export const needsCheck = (f: Pick<PartFailure, 'permanent' | 'serviceFault' | 'code'>) =>
  !f.permanent && f.serviceFault && !f.code.endsWith('_BUSY');

/**
 * Classifies one failed try of a part. A service fault (a timeout above all) is the part's only
 * when the service then did real work, a check that started right after it (within
 * `checkWithinMs`) and passed: the engine works, it just cannot get through this stretch of audio.
 * A timeout is then `PART_TIMEOUT`. When the check failed, came too late or was not made, the fault
 * stays the service's, and "busy" always does. Transient errors the engine does not blame on its
 * service are the part's.
 */
export function classifyPartFailure(
  failure: PartFailure,
  check: CheckAfterFailure | null,
  options: PartFailureOptions,
): PartVerdict {
  if (failure.permanent) return { kind: 'permanent' };
  const part = (code: string, because: string): PartVerdict => ({
    kind: 'part',
    code,
    next: options.tries >= options.maxTries ? 'set_aside' : 'retry',
    because,
  });
  if (!failure.serviceFault) return part(failure.code, `${failure.code}: the engine failed on this part`);
  if (!needsCheck(failure)) return { kind: 'service', because: `${failure.code} is the service's` };
  if (!check) return { kind: 'service', because: 'the service could not be checked after it' };
  if (!check.passed)
    return { kind: 'service', because: `its check failed too${check.failure ? ` (${check.failure})` : ''}` };
  const gap = check.startedAt - failure.at;
  if (gap < 0 || gap > options.checkWithinMs)
    return {
      kind: 'service',
      because: `its check started ${(gap / 1000).toFixed(1)} s after the failure, not within ${(options.checkWithinMs / 1000).toFixed(0)} s`,
    };
  const answered = `the service answered its check ${((check.endedAt - failure.at) / 1000).toFixed(1)} s later`;
  return failure.code.endsWith('_TIMEOUT')
    ? part('PART_TIMEOUT', `timed out, and ${answered}`)
    : part(failure.code, `${failure.code}, and ${answered}`);
}

/** Why a part was set aside, e.g. "timed out 3 times while the transcription engine answered its check". */
export function setAsideReason(code: string, tries: number): string {
  const times = tries === 1 ? 'once' : `${tries} times`;
  if (code === 'PART_TIMEOUT') return `timed out ${times} while the transcription engine answered its check`;
  return `failed ${times} (${code})`;
}
