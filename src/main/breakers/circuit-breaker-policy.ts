import { missingCase } from '../../shared/missing-case';

/**
 * A circuit breaker for one external service, as a small pure state machine (the clock is passed
 * in, the state is plain JSON). Outcomes are reported after the fact (`success` / `failure`), as
 * they come back from worker processes, instead of wrapping calls.
 */

export interface BreakerOptions {
  /** Service faults in a row that open the breaker. */
  consecutiveFailures: number;
  /** Share of failed calls within `windowMs` that opens it (0–1), once `minimumCalls` were made. */
  failureRate: number;
  windowMs: number;
  minimumCalls: number;
  /** First open duration, ms; multiplied by `openBackoff` on each reopening, up to `openMaxMs`. */
  openMs: number;
  openBackoff: number;
  openMaxMs: number;
  /** Successful half-open probes needed to close. */
  closeAfterSuccesses: number;
}

/** Calls counted in one slice of the failure-rate window. */
interface Bucket {
  start: number;
  ok: number;
  failed: number;
}

export type BreakerState =
  | { kind: 'closed'; consecutive: number; buckets: Bucket[] }
  /** `reopenings`: how many times it opened without closing in between (drives the backoff). */
  | { kind: 'open'; openedAt: number; until: number; reopenings: number; reason: string }
  | { kind: 'half_open'; since: number; reopenings: number; probing: boolean; successes: number };

export type BreakerStateKind = BreakerState['kind'];

export interface BreakerTransition {
  from: BreakerStateKind;
  to: BreakerStateKind;
  /** A sentence for the audit trail. */
  reason: string;
}

/** What may run through the breaker now. */
export type BreakerGate = 'pass' | 'blocked' | 'probe';

const bucketsPerWindow = 10;

export const closedState = (): BreakerState => ({ kind: 'closed', consecutive: 0, buckets: [] });

export class CircuitBreakerPolicy {
  constructor(
    private options: BreakerOptions,
    private current: BreakerState = closedState(),
  ) {}

  get state(): BreakerState {
    return this.current;
  }

  /** Settings changed: new thresholds apply from the next outcome. */
  configure(options: BreakerOptions): void {
    this.options = options;
  }

  /** Restores a persisted state; a probe that was in flight in a previous process is forgotten. */
  static restore(options: BreakerOptions, json: unknown): CircuitBreakerPolicy {
    const s = json as BreakerState;
    switch (s?.kind) {
      case 'closed':
      case 'open':
        return new CircuitBreakerPolicy(options, s);
      case 'half_open':
        return new CircuitBreakerPolicy(options, { ...s, probing: false });
      default:
        return new CircuitBreakerPolicy(options);
    }
  }

  /** Moves an open breaker whose time is up to half-open. */
  tick(now: number): BreakerTransition | null {
    const s = this.current;
    if (s.kind !== 'open' || now < s.until) return null;
    this.current = { kind: 'half_open', since: now, reopenings: s.reopenings, probing: false, successes: 0 };
    return { from: 'open', to: 'half_open', reason: 'open time is up: one probe may go through' };
  }

  /** Callers `tick` first, so that the move to half-open is seen (and recorded) as a transition. */
  gate(): BreakerGate {
    const s = this.current;
    switch (s.kind) {
      case 'closed':
        return 'pass';
      case 'open':
        return 'blocked';
      case 'half_open':
        return s.probing ? 'blocked' : 'probe';
      default:
        return missingCase(s);
    }
  }

  /** Takes the one half-open probe slot; false when not half-open or a probe is already out. */
  tryProbe(): boolean {
    const s = this.current;
    if (s.kind !== 'half_open' || s.probing) return false;
    this.current = { ...s, probing: true };
    return true;
  }

  /** The probe ended without an outcome (its job was released or recovered): another may go. */
  probeAbandoned(): void {
    const s = this.current;
    if (s.kind === 'half_open') this.current = { ...s, probing: false };
  }

  success(now: number): BreakerTransition | null {
    const s = this.current;
    switch (s.kind) {
      case 'closed':
        this.current = { kind: 'closed', consecutive: 0, buckets: this.record(s.buckets, now, true) };
        return null;
      case 'open':
        // A call that started before the breaker opened; it says nothing about now.
        return null;
      case 'half_open': {
        const successes = s.successes + 1;
        if (successes >= this.options.closeAfterSuccesses) {
          this.current = closedState();
          return {
            from: 'half_open',
            to: 'closed',
            reason: `${successes} successful probe${successes === 1 ? '' : 's'}: the service is back`,
          };
        }
        this.current = { ...s, probing: false, successes };
        return null;
      }
      default:
        return missingCase(s);
    }
  }

  failure(now: number, why: string): BreakerTransition | null {
    const s = this.current;
    switch (s.kind) {
      case 'closed': {
        const consecutive = s.consecutive + 1;
        const buckets = this.record(s.buckets, now, false);
        const reason = this.tripReason(consecutive, buckets, why);
        if (!reason) {
          this.current = { kind: 'closed', consecutive, buckets };
          return null;
        }
        this.open(now, 0, reason);
        return { from: 'closed', to: 'open', reason };
      }
      case 'open':
        return null;
      case 'half_open': {
        const reason = `the probe failed: ${why}`;
        this.open(now, s.reopenings + 1, reason);
        return { from: 'half_open', to: 'open', reason };
      }
      default:
        return missingCase(s);
    }
  }

  /** Manual reset: closed, counters cleared. */
  reset(): BreakerTransition | null {
    const from = this.current.kind;
    this.current = closedState();
    return from === 'closed' ? null : { from, to: 'closed', reason: 'reset by the user' };
  }

  /** ms until an open breaker lets a probe through (0 when not open). */
  remainingOpenMs(now: number): number {
    const s = this.current;
    return s.kind === 'open' ? Math.max(0, s.until - now) : 0;
  }

  private open(now: number, reopenings: number, reason: string): void {
    const { openMs, openBackoff, openMaxMs } = this.options;
    const duration = Math.min(openMaxMs, openMs * openBackoff ** reopenings);
    this.current = { kind: 'open', openedAt: now, until: now + duration, reopenings, reason };
  }

  private tripReason(consecutive: number, buckets: Bucket[], why: string): string | null {
    const o = this.options;
    if (consecutive >= o.consecutiveFailures) return `${consecutive} failures in a row (last: ${why})`;
    let ok = 0;
    let failed = 0;
    for (const b of buckets) {
      ok += b.ok;
      failed += b.failed;
    }
    const calls = ok + failed;
    if (calls >= o.minimumCalls && failed / calls >= o.failureRate) {
      return `${failed} of ${calls} calls failed within ${(o.windowMs / 1000).toFixed(0)} s (last: ${why})`;
    }
    return null;
  }

  /** Adds one call to the window's buckets, dropping buckets older than the window. */
  private record(buckets: Bucket[], now: number, ok: boolean): Bucket[] {
    const width = Math.max(1, Math.floor(this.options.windowMs / bucketsPerWindow));
    const start = now - (now % width);
    const kept = buckets.filter((b) => b.start > now - this.options.windowMs);
    const last = kept.at(-1);
    if (last && last.start === start) {
      kept[kept.length - 1] = { start, ok: last.ok + (ok ? 1 : 0), failed: last.failed + (ok ? 0 : 1) };
    } else {
      kept.push({ start, ok: ok ? 1 : 0, failed: ok ? 0 : 1 });
    }
    return kept;
  }
}
