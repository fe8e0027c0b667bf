/**
 * Tickets for requests whose answers replace each other (a search as the user types): only the
 * answer to the newest ticket may be shown. An older query's answer arriving late is dropped, so
 * the screen never shows results for words no longer in the box.
 */
export class LatestRequest {
  private newest = 0;

  /** A ticket for a request about to be sent; every earlier ticket is now stale. */
  issue(): number {
    return ++this.newest;
  }

  /** Whether the answer to `ticket` may still be shown. */
  isLatest(ticket: number): boolean {
    return ticket === this.newest;
  }

  /** Makes every ticket handed out so far stale (the question changed before a request was sent). */
  invalidate(): void {
    this.newest++;
  }
}

export interface DebounceTimers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realTimers: DebounceTimers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface Debounce {
  /** Runs `fn` once `ms` have passed without another call. */
  schedule(): void;
  /** Runs it now if one is scheduled. */
  flush(): void;
  cancel(): void;
}

export function createDebounce(fn: () => void, ms: number, timers: DebounceTimers = realTimers): Debounce {
  let timer: unknown = undefined;
  const cancel = () => {
    if (timer !== undefined) timers.clearTimeout(timer);
    timer = undefined;
  };
  const run = () => {
    timer = undefined;
    fn();
  };
  return {
    schedule() {
      cancel();
      timer = timers.setTimeout(run, ms);
    },
    flush() {
      if (timer === undefined) return;
      cancel();
      fn();
    },
    cancel,
  };
}
