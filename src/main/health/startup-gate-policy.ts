import { missingCase } from '../../shared/missing-case';
import type { ProbeStatus } from './health-rollup-policy';

/** A service the gate waits for (an external one the work needs: the database, the disk, a stage's server). */
export interface GateService {
  name: string;
  label: string;
}

export type StartupGateDecision =
  /** Every service answered at this start, with a status the work can run with. */
  | { kind: 'open' }
  /**
   * Not yet: `waitingFor` (labels) is what the overall status names. `check` (names) should be
   * probed now; it is empty while a round is out or until the pause between rounds has passed.
   * Decide again after `wakeInMs` at the latest (or when the round out ends).
   */
  | { kind: 'wait'; waitingFor: string[]; check: string[]; wakeInMs: number }
  /** The timeout passed: start anyway. `still` (labels) had not answered usable at this start. */
  | { kind: 'timed_out'; still: string[] };

export interface StartupGateOptions {
  /** When the gate began, monotonic ms. */
  startedAt: number;
  /** How long the start may wait for the services, ms (`health.startupTimeoutMs`); 0: not at all. */
  timeoutMs: number;
  /** Pause between the end of one round of checks and the next, ms. */
  retryEveryMs: number;
}

/**
 * Statuses the work can run with. A slow service (degraded: a disk running low, a slow write, a
 * half-open breaker) or one switched off does not hold the start; a failing or unanswered one does.
 */
function usable(status: ProbeStatus): boolean {
  switch (status) {
    case 'up':
    case 'degraded':
    case 'disabled':
    case 'paused':
    case 'idle':
      return true;
    case 'down':
    case 'starting':
      return false;
    default:
      return missingCase(status);
  }
}

/**
 * Whether the engine may start: only results taken at this start count (`record`), never what an
 * earlier run stored, so a server that was up when Lifeline stopped but is down now holds the start
 * until it answers or the timeout passes. Which services to wait for is the caller's choice (the
 * worker processes are not among them: they report their own start-up). Pure: time comes in as
 * monotonic milliseconds.
 */
export class StartupGatePolicy {
  private readonly fresh = new Map<string, ProbeStatus>();
  private checking = false;
  private nextCheckAt: number;

  constructor(private readonly o: StartupGateOptions) {
    this.nextCheckAt = o.startedAt;
  }

  /** A probe's result from this start (the gate's own round, or any other check meanwhile). */
  record(name: string, status: ProbeStatus): void {
    this.fresh.set(name, status);
  }

  checkStarted(): void {
    this.checking = true;
  }

  checkEnded(now: number): void {
    this.checking = false;
    this.nextCheckAt = now + this.o.retryEveryMs;
  }

  decide(services: readonly GateService[], now: number): StartupGateDecision {
    const notReady = services.filter((s) => {
      const status = this.fresh.get(s.name);
      return status === undefined || !usable(status);
    });
    if (notReady.length === 0) return { kind: 'open' };
    const labels = notReady.map((s) => s.label);
    const deadline = this.o.startedAt + this.o.timeoutMs;
    if (now >= deadline) return { kind: 'timed_out', still: labels };
    const due = !this.checking && now >= this.nextCheckAt;
    const wakeAt = this.checking || due ? deadline : Math.min(deadline, this.nextCheckAt);
    return { kind: 'wait', waitingFor: labels, check: due ? notReady.map((s) => s.name) : [], wakeInMs: wakeAt - now };
  }
}
