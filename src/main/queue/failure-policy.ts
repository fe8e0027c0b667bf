import { retryDelayMs, type BackoffOptions } from './backoff';

/** What went wrong in one attempt, as data: the queue never sees thrown objects. */
export interface JobFailure {
  code: string;
  message: string;
  /** A permanent failure is never retried (bad input, unsupported format, 4xx). */
  permanent: boolean;
  /** The failure was the stage's external service, not the item (counts for that service's breaker). */
  serviceFault?: boolean;
}

export type FailureDecision =
  { kind: 'retry'; delayMs: number } | { kind: 'dead'; reason: 'permanent' | 'attempts_exhausted' };

export function decideFailure(
  failure: JobFailure,
  attempts: number,
  maxAttempts: number,
  backoff: BackoffOptions,
  random: () => number = Math.random,
): FailureDecision {
  if (failure.permanent) return { kind: 'dead', reason: 'permanent' };
  if (attempts >= maxAttempts) return { kind: 'dead', reason: 'attempts_exhausted' };
  return { kind: 'retry', delayMs: retryDelayMs(attempts, backoff, random) };
}
