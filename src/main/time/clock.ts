/** Wall time for timestamps, monotonic time for measuring; tests pass a fake. */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Milliseconds from an arbitrary origin; never jumps with the wall clock. */
  monotonic(): number;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  monotonic: () => performance.now(),
};

/** A clock that only moves when told to; wall and monotonic time can be moved apart (suspend). */
export class FakeClock implements Clock {
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
  advance(ms: number): void {
    this.wall += ms;
    this.mono += ms;
  }
  /** The wall clock jumps while the monotonic clock stands still, as after a laptop wakes up. */
  jumpWall(ms: number): void {
    this.wall += ms;
  }
}
