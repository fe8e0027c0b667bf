/**
 * Tells a suspend (or a wall-clock change) from a stall. Between two observations the wall clock
 * and the monotonic clock advance together; when the wall clock gains more than `toleranceMs` on
 * the monotonic one, the machine slept (the monotonic clock stands still during a suspend on Linux
 * and macOS) or the time was set forward. Leases then look expired although no worker misbehaved.
 */
export class ClockJumpDetector {
  private last: { wall: number; mono: number } | null = null;

  constructor(private readonly toleranceMs: number) {}

  /** Records a sample; returns how far the wall clock jumped ahead since the previous one (0 if not). */
  observe(wall: number, mono: number): number {
    const prev = this.last;
    this.last = { wall, mono };
    if (!prev) return 0;
    const gained = wall - prev.wall - (mono - prev.mono);
    return gained > this.toleranceMs ? gained : 0;
  }

  /** Forget the baseline (after an explicit resume notice, the next sample starts afresh). */
  reset(): void {
    this.last = null;
  }
}
