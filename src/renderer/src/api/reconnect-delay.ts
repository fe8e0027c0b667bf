/** Backoff for reconnecting the event stream. */
export interface ReconnectBackoff {
  /** Delay before the first reconnect, ms. Default 250. */
  initialMs: number;
  /** Ceiling for the delay, ms. Default 10 000. */
  maxMs: number;
}

export const defaultReconnectBackoff: ReconnectBackoff = { initialMs: 250, maxMs: 10_000 };

/**
 * Delay before reconnect number `attempt` (0-based): doubling from `initialMs` up to `maxMs`, with
 * "equal jitter" (half fixed, half random) so many tabs do not reconnect in lockstep after a restart.
 * `random` returns a number in [0, 1).
 */
export function reconnectDelay(
  attempt: number,
  random: () => number,
  backoff: ReconnectBackoff = defaultReconnectBackoff,
): number {
  const ceiling = Math.min(backoff.maxMs, backoff.initialMs * 2 ** Math.max(0, attempt));
  return Math.round(ceiling / 2 + (ceiling / 2) * random());
}
