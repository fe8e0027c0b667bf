import { EventEmitter } from 'node:events';
import type { HealthSnapshot, ServiceHealth, ServiceHealthDetail } from '../../shared/contract';
import type { HealthConfig } from '../config/config';
import type { Logger } from '../log/logger';
import type { HealthStore } from '../store/health-store';
import type { ServiceEventsStore } from '../store/service-events-store';
import type { Stop } from '../../shared/stop';
import type { Clock, Timer } from '../time/clock';
import type { HealthProbe } from './health-probe';
import { oneLevelOfParentheses } from '../../shared/text/one-level-of-parentheses';
import { deadLetterAttention, type DeadLetterCounts } from './attention-policy';
import {
  dampStatus,
  rollUp,
  uptimePercent,
  type DampedStatus,
  type ProbeResult,
  type Rollup,
} from './health-rollup-policy';
import { runProbe } from './run-probe';
import { StartupGatePolicy } from './startup-gate-policy';

export interface HealthMonitorDeps {
  probes: HealthProbe[];
  clock: Clock;
  config(): HealthConfig;
  store: { health: HealthStore; serviceEvents: ServiceEventsStore };
  log: Logger;
  /** `engine`: results are persisted for other processes; `store`: a one-off check (the CLI). */
  source: HealthSnapshot['source'];
  /** Breaker and auto-recovery details a service row shows, when it has them. */
  extras(name: string): Pick<ServiceHealth, 'breaker' | 'needsYou' | 'autoRecovery'>;
  /** Dead letters and how many are new since the person last looked (read when the status is rolled up; must not throw). */
  deadLetters(): DeadLetterCounts;
}

export interface HealthMonitorEvents {
  /** After every round of checks, and when a service is added or dropped. */
  checked: [snapshot: HealthSnapshot];
  /** The overall status or its reasons changed: what the tray listens to. */
  overall: [snapshot: HealthSnapshot];
  /** One probe's result (the engine reacts: a full disk pauses intake, a failing service triggers recovery). */
  result: [name: string, result: ProbeResult];
}

interface ProbeState {
  /** Replaced when its service changes (setProbe). */
  probe: HealthProbe;
  history: ProbeResult[];
  damped: DampedStatus;
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/**
 * Runs every probe on an interval and on demand, keeps the last results per probe (uptime), damps
 * status changes, and rolls everything up into one overall status with reasons. A startup gate waits
 * for the required services before the engine claims work.
 */
export class HealthMonitor extends EventEmitter<HealthMonitorEvents> {
  private readonly states = new Map<string, ProbeState>();
  private timer: Timer | undefined;
  private waitingFor: string[] = [];
  private last: Rollup = { overall: 'green', reasons: [], notes: [] };
  private checkedAt: number | null = null;
  private round: Promise<HealthSnapshot> | null = null;
  /** The round after the one under way, shared by every full check asked for meanwhile. */
  private nextRound: Promise<HealthSnapshot> | null = null;
  /** While the startup gate runs: it counts only results taken from then on. */
  private gate: StartupGatePolicy | null = null;
  private readonly stopping = new AbortController();
  private running = false;

  constructor(private readonly deps: HealthMonitorDeps) {
    super();
    for (const probe of deps.probes)
      this.states.set(probe.name, { probe, history: [], damped: { shown: 'unknown', failures: 0 } });
  }

  /**
   * Adds a probe, or replaces the one with its name (a stage's service changed with the settings).
   * A new one goes before the first of `before` that exists (else last), so the list keeps its order.
   * A replaced one keeps its history, but not its run of failures: those were another server's.
   */
  setProbe(probe: HealthProbe, before: readonly string[] = []): void {
    const old = this.states.get(probe.name);
    if (old) {
      old.probe = probe;
      old.damped = { shown: 'unknown', failures: 0 };
    } else {
      const state: ProbeState = { probe, history: [], damped: { shown: 'unknown', failures: 0 } };
      const at = before.find((n) => this.states.has(n));
      const entries = [...this.states.entries()];
      const i = at === undefined ? entries.length : entries.findIndex(([n]) => n === at);
      entries.splice(i, 0, [probe.name, state]);
      this.states.clear();
      for (const [n, s] of entries) this.states.set(n, s);
    }
    this.announceServices();
  }

  /** Drops a probe (its service is no longer used); its persisted results stay in the store. */
  removeProbe(name: string): boolean {
    if (!this.states.delete(name)) return false;
    this.announceServices();
    return true;
  }

  names(): string[] {
    return [...this.states.keys()];
  }

  /**
   * Results persisted by earlier runs (or another process) count for uptime and history. A process
   * that only looks (the CLI, `source: 'store'`) also takes the engine's run of failures, so a
   * service the app shows down is not "unknown" (and the status green) after its one check.
   */
  seedFromStore(): void {
    const cfg = this.deps.config();
    for (const s of this.states.values()) {
      const rows = this.deps.store.health.history(s.probe.name, cfg.historySize).reverse();
      s.history = rows.map((r) => ({
        status: r.status as ProbeResult['status'],
        message: r.message,
        latencyMs: r.latencyMs,
        at: r.at,
      }));
      if (this.deps.source === 'store')
        s.damped = s.history.reduce((d, r) => dampStatus(d, r, cfg.failuresBeforeAlert), s.damped);
    }
  }

  /** Checks on the interval; the stop ends them. */
  start(): Stop {
    this.running = true;
    this.reschedule();
    return () => this.stop();
  }

  /** The interval setting may have changed: once started, the checks go on at the new pace. */
  reschedule(): void {
    this.deps.clock.clearInterval(this.timer);
    this.timer = undefined;
    if (!this.running) return;
    // A round still under way when the next is due is enough: the timer does not queue another.
    this.timer = this.deps.clock
      .setInterval(() => void (this.round ?? this.checkNow()), this.deps.config().intervalMs)
      .unref();
  }

  /** No more checks; a startup gate still waiting gives up at once. */
  stop(): void {
    this.running = false;
    this.deps.clock.clearInterval(this.timer);
    this.timer = undefined;
    this.stopping.abort();
  }

  /**
   * Checks now (every probe, or one). A round already under way may have probed before this call (a
   * worker started since, a server came back): the caller gets the next round, which every call made
   * meanwhile shares, so the answer is never older than the question.
   */
  checkNow(name?: string): Promise<HealthSnapshot> {
    if (name !== undefined) return this.runRound([name]);
    if (this.round) {
      // Stopped while the round before ran: no probes (and no writes) after close.
      const next = () => {
        this.nextRound = null;
        return this.stopping.signal.aborted ? this.snapshot() : this.startRound();
      };
      this.nextRound ??= this.round.then(next, next);
      return this.nextRound;
    }
    return this.startRound();
  }

  private startRound(): Promise<HealthSnapshot> {
    this.round ??= this.runRound(null).finally(() => (this.round = null));
    return this.round;
  }

  /**
   * Waits until every required external service (`gatesStartup`: the database, the disk, each stage's
   * server) has answered at this start with a status the work can run with, at most `timeoutMs`;
   * results stored by an earlier run count for uptime and history, never here. The worker processes
   * are not waited for (their check says `starting`). The overall status reads "starting: waiting
   * for X" meanwhile. Returns the services still not up (the rules: startup-gate-policy.ts).
   */
  async startupGate(timeoutMs: number, everyMs = 250): Promise<string[]> {
    const { clock } = this.deps;
    const gate = new StartupGatePolicy({ startedAt: clock.monotonic(), timeoutMs, retryEveryMs: everyMs });
    this.gate = gate;
    let out: Promise<unknown> | null = null;
    let still: string[] = [];
    try {
      for (;;) {
        const d = gate.decide(this.gatedServices(), clock.monotonic());
        if (d.kind === 'open') break;
        if (d.kind === 'timed_out') {
          still = d.still;
          this.deps.log.warn({ still, timeoutMs }, 'startup gate timed out; starting anyway');
          break;
        }
        if (this.stopping.signal.aborted) break;
        this.waitingFor = d.waitingFor;
        this.publish();
        if (d.check.length > 0) {
          gate.checkStarted();
          out = this.runRound(d.check).finally(() => {
            gate.checkEnded(clock.monotonic());
            out = null;
          });
        }
        await this.pause(d.wakeInMs, out);
      }
    } finally {
      this.gate = null;
      this.waitingFor = [];
      this.publish();
    }
    return still;
  }

  private gatedServices(): { name: string; label: string }[] {
    return [...this.states.values()]
      .filter((s) => s.probe.required && s.probe.gatesStartup === true)
      .map((s) => ({ name: s.probe.name, label: s.probe.label }));
  }

  /** Until `ms` have passed, the round out ends, or the monitor stops, whichever comes first. */
  private pause(ms: number, out: Promise<unknown> | null): Promise<void> {
    const signal = this.stopping.signal;
    return new Promise<void>((resolve) => {
      if (signal.aborted) return resolve();
      const done = () => {
        this.deps.clock.clearTimeout(timer);
        signal.removeEventListener('abort', done);
        resolve();
      };
      const timer = this.deps.clock.setTimeout(done, ms);
      signal.addEventListener('abort', done, { once: true });
      void out?.then(done, done);
    });
  }

  /** Dead letters arrived, were seen, retried or discarded: the status may have changed (announced if so). */
  attentionChanged = (): void => this.publish();

  /** The current view: service extras (breaker, needs-you) and dead letters are read live, so the rollup is too. */
  snapshot(): HealthSnapshot {
    const dead = this.deps.deadLetters();
    const r = this.rollup(dead);
    return {
      overall: r.overall,
      reasons: r.reasons,
      notes: r.notes,
      checkedAt: iso(this.checkedAt),
      source: this.deps.source,
      services: [...this.states.values()].map((s) => this.serviceHealth(s)),
      attention: { deadLetters: dead.total, newDeadLetters: dead.unseen, seenAt: iso(dead.seenAt) },
    };
  }

  /** Every service with its history, from one moment. */
  details(): ServiceHealthDetail[] {
    return [...this.states.keys()].map((name) => this.detail(name)!);
  }

  detail(name: string): ServiceHealthDetail | undefined {
    const s = this.states.get(name);
    if (!s) return undefined;
    const history = [...s.history]
      .reverse()
      .map((r) => ({ at: iso(r.at)!, status: r.status, latencyMs: r.latencyMs, message: r.message }));
    return { ...this.serviceHealth(s), history };
  }

  private serviceHealth(s: ProbeState): ServiceHealth {
    const lastResult = s.history.at(-1);
    return {
      name: s.probe.name,
      label: s.probe.label,
      required: s.probe.required,
      status: s.damped.shown,
      message: oneLevelOfParentheses(lastResult?.message ?? 'not checked yet'),
      latencyMs: lastResult?.latencyMs ?? null,
      uptimePercent: uptimePercent(s.history),
      checkedAt: iso(lastResult?.at ?? null),
      ...this.deps.extras(s.probe.name),
    };
  }

  private async runRound(names: string[] | null): Promise<HealthSnapshot> {
    const states = [...this.states.values()].filter((s) => names === null || names.includes(s.probe.name));
    const timeoutMs = this.deps.config().probeTimeoutMs;
    const results = await Promise.all(states.map((s) => runProbe(s.probe, timeoutMs, this.deps.clock)));
    const cfg = this.deps.config();
    states.forEach((s, i) => {
      const r = results[i]!;
      s.history.push(r);
      if (s.history.length > cfg.historySize) s.history.splice(0, s.history.length - cfg.historySize);
      s.damped = dampStatus(s.damped, r, cfg.failuresBeforeAlert);
      this.gate?.record(s.probe.name, r.status);
      this.emit('result', s.probe.name, r);
    });
    this.checkedAt = this.deps.clock.now();
    if (this.deps.source === 'engine') {
      try {
        this.deps.store.health.record(
          states.map((s, i) => ({ service: s.probe.name, ...results[i]! })),
          cfg.historySize,
        );
      } catch (err: unknown) {
        // The database probe reports this; the monitor keeps its history in memory meanwhile.
        this.deps.log.warn({ err }, 'could not persist health results');
      }
    }
    this.publish();
    const snapshot = this.snapshot();
    this.emit('checked', snapshot);
    return snapshot;
  }

  private rollup(dead: DeadLetterCounts = this.deps.deadLetters()): Rollup {
    const views = [...this.states.values()].map((s) => {
      const h = this.serviceHealth(s);
      return {
        name: h.name,
        label: h.label,
        required: h.required,
        status: h.status,
        message: h.message,
        needsYou: h.needsYou,
      };
    });
    return rollUp(views, this.waitingFor, deadLetterAttention(dead, this.deps.clock.now()));
  }

  /** The list of services changed: the overall status may have, and UIs showing the list need the new one. */
  private announceServices(): void {
    this.publish();
    this.emit('checked', this.snapshot());
  }

  /** Recomputes the overall status; announces (and audits) a change. */
  private publish(): void {
    const next = this.rollup();
    const changed = next.overall !== this.last.overall || next.reasons.join('\n') !== this.last.reasons.join('\n');
    const colourChanged = next.overall !== this.last.overall;
    this.last = next;
    if (!changed) return;
    if (colourChanged && this.deps.source === 'engine') {
      try {
        const detail = next.reasons.length > 0 ? next.reasons.join('; ') : 'all good';
        this.deps.store.serviceEvents.insert(this.deps.clock.now(), {
          service: 'health',
          type: `health_${next.overall}`,
          actor: 'health',
          detail,
        });
      } catch (err: unknown) {
        this.deps.log.warn({ err }, 'could not record the health change');
      }
    }
    this.emit('overall', this.snapshot());
  }
}
