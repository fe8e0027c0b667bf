/**
 * Whether an idle worker answers (pure; times are monotonic ms passed in). An idle worker does
 * nothing that renews a lease, so a frozen one (SIGSTOP, a debugger, a wedged native call) would go
 * unnoticed until a job were handed to it and that job's lease ran out. The pool pings idle workers
 * every heartbeat instead: one silent for a while gets no job, one silent for a lease is replaced.
 */
export type IdleVerdict = 'answering' | 'silent' | 'unresponsive';

export interface IdlePingLimits {
  /** Silent this long, a worker gets no job until it answers again, ms (two heartbeats). */
  silentAfterMs: number;
  /** Silent this long, it is replaced, ms (one lease). */
  replaceAfterMs: number;
}

export class IdlePings {
  /** When the oldest ping not answered yet went out; null when every ping was answered. */
  private waitingSince: number | null = null;
  private seq = 0;

  /** A ping goes out now; returns its number. */
  sent(now: number): number {
    if (this.waitingSince === null) this.waitingSince = now;
    return ++this.seq;
  }

  /** Any answer (or any other message from the worker) proves it alive. */
  answered(): void {
    this.waitingSince = null;
  }

  silentForMs(now: number): number {
    return this.waitingSince === null ? 0 : Math.max(0, now - this.waitingSince);
  }

  verdict(now: number, limits: IdlePingLimits): IdleVerdict {
    const silent = this.silentForMs(now);
    if (silent >= limits.replaceAfterMs) return 'unresponsive';
    if (silent >= limits.silentAfterMs) return 'silent';
    return 'answering';
  }
}
