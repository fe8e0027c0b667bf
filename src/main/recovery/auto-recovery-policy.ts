export interface AutoRecoveryOptions {
  /** Wait between two runs, ms; multiplied by `backoff` after each run that did not bring the service back. */
  cooldownMs: number;
  backoff: number;
  /** Runs before giving up and asking the user. */
  maxAttempts: number;
}

export interface AutoRecoveryState {
  /** Runs since the service was last healthy (or the user last triggered recovery). */
  attempts: number;
  lastRunAt: number | null;
  /** No run before this (ms epoch). */
  nextAllowedAt: number;
}

export type AutoRecoveryDecision =
  { kind: 'run'; attempt: number } | { kind: 'cooldown'; waitMs: number } | { kind: 'gave_up' };

export const freshAutoRecovery = (): AutoRecoveryState => ({ attempts: 0, lastRunAt: null, nextAllowedAt: 0 });

/**
 * When a service's auto-recovery handler may run again: triggered by a breaker opening or a failing
 * probe, it runs at most `maxAttempts` times with a growing cooldown, then gives up so the service
 * shows "needs you" instead of a handler looping forever.
 */
export function decideAutoRecovery(
  state: AutoRecoveryState,
  now: number,
  options: AutoRecoveryOptions,
): AutoRecoveryDecision {
  if (state.attempts >= options.maxAttempts) return { kind: 'gave_up' };
  if (now < state.nextAllowedAt) return { kind: 'cooldown', waitMs: state.nextAllowedAt - now };
  return { kind: 'run', attempt: state.attempts + 1 };
}

/** Records a run that just ended. A run that fixed the service resets nothing yet: `healthy` does, once the service proves it. */
export function afterAutoRecoveryRun(
  state: AutoRecoveryState,
  now: number,
  options: AutoRecoveryOptions,
): AutoRecoveryState {
  const attempts = state.attempts + 1;
  return {
    attempts,
    lastRunAt: now,
    nextAllowedAt: now + options.cooldownMs * options.backoff ** (attempts - 1),
  };
}

/**
 * The last run was used and the service is still failing once its cooldown passed: it needs the
 * user. The last run gets its cooldown to prove itself before that.
 */
export function hasGivenUp(state: AutoRecoveryState, now: number, options: AutoRecoveryOptions): boolean {
  return state.attempts >= options.maxAttempts && now >= state.nextAllowedAt;
}
