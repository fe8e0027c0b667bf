export interface ThrottleTimers {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realTimers: ThrottleTimers = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface RefreshThrottle {
  /** Asks for a refresh; bursts of requests collapse into at most one run per interval. */
  request(): void;
  cancel(): void;
}

/**
 * Runs `refresh` at most once per `minIntervalMs` (250 ms ≈ 4 per second), never two at a time, and
 * always once more after the last request: a burst of pushed events ends with fresh data, without a
 * request per event.
 */
export function createRefreshThrottle(
  refresh: () => Promise<void>,
  minIntervalMs: number,
  timers: ThrottleTimers = realTimers,
): RefreshThrottle {
  let lastStart = -Infinity;
  let inFlight = false;
  let pending = false;
  let timer: unknown = undefined;

  const run = () => {
    timer = undefined;
    lastStart = timers.now();
    inFlight = true;
    void refresh()
      .catch(() => {
        // The store records its own errors; a failed refresh must not stop later ones.
      })
      .finally(() => {
        inFlight = false;
        if (pending) {
          pending = false;
          request();
        }
      });
  };

  const request = () => {
    if (inFlight) {
      pending = true;
      return;
    }
    if (timer !== undefined) return;
    const wait = lastStart + minIntervalMs - timers.now();
    if (wait <= 0) run();
    else timer = timers.setTimeout(run, wait);
  };

  return {
    request,
    cancel() {
      if (timer !== undefined) timers.clearTimeout(timer);
      timer = undefined;
      pending = false;
    },
  };
}
