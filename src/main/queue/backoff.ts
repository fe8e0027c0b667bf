export interface BackoffOptions {
  /** Delay cap for the first retry, ms. */
  baseMs: number;
  /** No retry waits longer than this, ms. */
  capMs: number;
}

/**
 * Capped exponential backoff with full jitter: a uniform delay in [0, min(cap, base·2^(n-1))].
 * Full jitter spreads retries of many items that failed together (an outage) instead of bunching
 * them into waves. `attempt` is the attempt that just failed, from 1.
 */
export function retryDelayMs(attempt: number, options: BackoffOptions, random: () => number = Math.random): number {
  if (!Number.isInteger(attempt) || attempt < 1) throw new RangeError(`attempt must be an integer ≥ 1, got ${attempt}`);
  // 2^(attempt-1) overflows to Infinity for large attempts; min() with the cap keeps it finite.
  const ceiling = Math.min(options.capMs, options.baseMs * 2 ** (attempt - 1));
  return Math.floor(random() * (ceiling + 1));
}
