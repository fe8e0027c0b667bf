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
