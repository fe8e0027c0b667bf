/** A pending timeout or interval. As Node's `Timeout`: `unref()` lets the process exit while it waits. */
export interface Timer {
  ref(): this;
  unref(): this;
  hasRef(): boolean;
}

/**
 * Wall time for timestamps, monotonic time for measuring, and timers that wait in monotonic time;
 * orchestrators take all three from the clock they are given, so tests pass a fake and never sleep.
 */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Milliseconds from an arbitrary origin; never jumps with the wall clock. */
  monotonic(): number;
  /** Calls `fn` once after `ms` (Node's rule: below 1, above 2^31 − 1 or NaN waits 1 ms). */
  setTimeout(fn: () => void, ms: number): Timer;
  /** Calls `fn` every `ms` until cleared (the same rule for `ms`). */
  setInterval(fn: () => void, ms: number): Timer;
  /** Cancels a timeout or an interval; undefined or spent timers are ignored. */
  clearTimeout(timer: Timer | undefined): void;
  clearInterval(timer: Timer | undefined): void;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  monotonic: () => performance.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  setInterval: (fn, ms) => setInterval(fn, ms),
  // A handle from another clock is no Node timer: Node's clearTimeout ignores it.
  clearTimeout: (timer) => clearTimeout(timer as NodeJS.Timeout | undefined),
  clearInterval: (timer) => clearInterval(timer as NodeJS.Timeout | undefined),
};

const timeoutMax = 2 ** 31 - 1;
/** Node's rule for a timer's delay, so a fake waits exactly as long as the real timer would. */
const delayOf = (ms: number) => (ms >= 1 && ms <= timeoutMax ? ms : 1);

class FakeTimer implements Timer {
  private referenced = true;
  constructor(
    readonly fn: () => void,
    /** Monotonic time it is due at. */
    public due: number,
    /** The period of an interval; null for a timeout. */
    readonly every: number | null,
    /** Order among timers due at the same time: the one scheduled first runs first, as in Node. */
    public seq: number,
  ) {}
  ref(): this {
    this.referenced = true;
    return this;
  }
  unref(): this {
    this.referenced = false;
    return this;
  }
  hasRef(): boolean {
    return this.referenced;
  }
}

/** Lets pending promise callbacks run (and what they chain), as one turn of the event loop does. */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * A clock that only moves when told to; wall and monotonic time can be moved apart (suspend). Its
 * timers wait in monotonic time and run, in order, while it is advanced: each at its own due time,
 * including timers that timers schedule within the same advance.
 */
export class FakeClock implements Clock {
  private readonly timers = new Set<FakeTimer>();
  private seq = 0;

  constructor(
    private wall = Date.UTC(2026, 0, 1),
    private mono = 0,
  ) {}
  now(): number {
    return this.wall;
  }
  monotonic(): number {
    return this.mono;
  }

  setTimeout(fn: () => void, ms: number): Timer {
    return this.add(fn, delayOf(ms), null);
  }
  setInterval(fn: () => void, ms: number): Timer {
    return this.add(fn, delayOf(ms), delayOf(ms));
  }
  clearTimeout(timer: Timer | undefined): void {
    if (timer instanceof FakeTimer) this.timers.delete(timer);
  }
  clearInterval(timer: Timer | undefined): void {
    this.clearTimeout(timer);
  }

  /** Timers waiting to run (timeouts not yet run, intervals not cleared). */
  countTimers(): number {
    return this.timers.size;
  }

  /**
   * Moves both clocks on by `ms`, running the timers due on the way synchronously: every tick of
   * every interval, so moving an engine on by days costs days of polls (`jumpWall` moves only the wall).
   */
  advance(ms: number): void {
    const target = this.target(ms);
    for (let t = this.nextDue(target); t; t = this.nextDue(target)) this.fire(t);
    this.moveTo(target);
  }

  /**
   * As `advance`, but lets promise callbacks run before the first timer and after each one, so
   * async work a timer starts (an awaited handler, a write after it) finishes before the next.
   */
  async advanceAsync(ms: number): Promise<void> {
    const target = this.target(ms);
    await settle();
    for (let t = this.nextDue(target); t; t = this.nextDue(target)) {
      this.fire(t);
      await settle();
    }
    this.moveTo(target);
  }

  /** Runs what is due now (after letting pending promise callbacks run), without moving time. */
  runDue(): Promise<void> {
    return this.advanceAsync(0);
  }

  /** The wall clock jumps while the monotonic clock stands still, as after a laptop wakes up. */
  jumpWall(ms: number): void {
    this.wall += ms;
  }

  private add(fn: () => void, delay: number, every: number | null): FakeTimer {
    const t = new FakeTimer(fn, this.mono + delay, every, ++this.seq);
    this.timers.add(t);
    return t;
  }

  private target(ms: number): number {
    if (!(ms >= 0)) throw new RangeError(`a clock only moves forward (asked to advance ${ms} ms)`);
    return this.mono + ms;
  }

  private nextDue(upTo: number): FakeTimer | undefined {
    let next: FakeTimer | undefined;
    for (const t of this.timers)
      if (t.due <= upTo && (!next || t.due < next.due || (t.due === next.due && t.seq < next.seq))) next = t;
    return next;
  }

  private fire(t: FakeTimer): void {
    this.moveTo(t.due);
    if (t.every === null) this.timers.delete(t);
    else {
      t.due += t.every;
      t.seq = ++this.seq;
    }
    t.fn();
  }

  /** Both clocks move together (only `jumpWall` moves them apart). */
  private moveTo(mono: number): void {
    this.wall += mono - this.mono;
    this.mono = mono;
  }
}
