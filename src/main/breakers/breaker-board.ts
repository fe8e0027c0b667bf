import { EventEmitter } from 'node:events';
import type { BreakerConfig } from '../config/config';
import type { Logger } from '../log/logger';
import type { BreakersStore } from '../store/breakers-store';
import type { ServiceEventsStore } from '../store/service-events-store';
import type { Clock, Timer } from '../time/clock';
import {
  CircuitBreakerPolicy,
  type BreakerGate,
  type BreakerState,
  type BreakerTransition,
} from './circuit-breaker-policy';

export interface BreakerView {
  name: string;
  label: string;
  state: BreakerState['kind'];
  /** Since when it is in this state (ms epoch), when known. */
  since: number | null;
  /** When an open breaker lets a probe through (ms epoch). */
  openUntil: number | null;
  /** Service faults in a row while closed. */
  consecutiveFailures: number;
  /** Openings in a row without a close (drives the open time). */
  reopenings: number;
  /** Why it opened, while open. */
  reason: string | null;
}

export interface BreakerBoardEvents {
  transition: [view: BreakerView, transition: BreakerTransition];
}

export interface BreakerBoardDeps {
  store: { breakers: BreakersStore; serviceEvents: ServiceEventsStore; atomically<T>(fn: () => T): T };
  clock: Clock;
  config(): BreakerConfig;
  log: Logger;
}

interface Entry {
  label: string;
  policy: CircuitBreakerPolicy;
  rev: number;
  since: number | null;
}

/**
 * The breakers of every external service, persisted: each transition is saved with its audit event
 * in one transaction, so the state survives a restart, and a reset made by another process (the CLI)
 * is adopted when its revision shows up. A timer moves open breakers to half-open on time.
 */
export class BreakerBoard extends EventEmitter<BreakerBoardEvents> {
  private readonly entries = new Map<string, Entry>();
  private timer: Timer | undefined;
  private seenRevision = -1;

  constructor(private readonly deps: BreakerBoardDeps) {
    super();
  }

  /** Registers a service, restoring its persisted state; a known one keeps its state and takes the label (the settings may have changed it). */
  register(name: string, label: string): void {
    const known = this.entries.get(name);
    if (known) {
      known.label = label;
      return;
    }
    const stored = this.deps.store.breakers.all().find((b) => b.name === name);
    const policy = stored
      ? CircuitBreakerPolicy.restore(this.deps.config(), stored.state)
      : new CircuitBreakerPolicy(this.deps.config());
    this.entries.set(name, { label, policy, rev: stored?.rev ?? 0, since: stored?.updatedAt ?? null });
    this.tick();
  }

  names(): string[] {
    return [...this.entries.keys()];
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  gate(name: string): BreakerGate {
    return this.entries.get(name)?.policy.gate() ?? 'pass';
  }

  tryProbe(name: string): boolean {
    return this.entries.get(name)?.policy.tryProbe() ?? false;
  }

  probeAbandoned(name: string): void {
    this.entries.get(name)?.policy.probeAbandoned();
  }

  success(name: string): void {
    const e = this.entries.get(name);
    if (e) this.apply(name, e, e.policy.success(this.deps.clock.now()), 'engine');
  }

  failure(name: string, why: string): void {
    const e = this.entries.get(name);
    if (e) this.apply(name, e, e.policy.failure(this.deps.clock.now(), why), 'engine');
  }

  /** Skips the rest of the open time (an auto-recovery probe found the service answering). */
  expedite(name: string, why: string): void {
    const e = this.entries.get(name);
    if (!e || e.policy.state.kind !== 'open') return;
    e.policy = CircuitBreakerPolicy.restore(this.deps.config(), { ...e.policy.state, until: this.deps.clock.now() });
    const t = e.policy.tick(this.deps.clock.now());
    this.apply(name, e, t && { ...t, reason: why }, 'recovery');
  }

  /** Manual reset; returns false for an unknown breaker. */
  reset(name: string): boolean {
    const e = this.entries.get(name);
    if (!e) return false;
    this.apply(name, e, e.policy.reset(), 'user');
    return true;
  }

  resetAll(): number {
    let n = 0;
    for (const name of this.entries.keys())
      if (this.entries.get(name)!.policy.state.kind !== 'closed' && this.reset(name)) n++;
    return n;
  }

  view(name: string): BreakerView | undefined {
    const e = this.entries.get(name);
    if (!e) return undefined;
    const s = e.policy.state;
    return {
      name,
      label: e.label,
      state: s.kind,
      since: s.kind === 'open' ? s.openedAt : s.kind === 'half_open' ? s.since : e.since,
      openUntil: s.kind === 'open' ? s.until : null,
      consecutiveFailures: s.kind === 'closed' ? s.consecutive : 0,
      reopenings: s.kind === 'closed' ? 0 : s.reopenings,
      reason: s.kind === 'open' ? s.reason : null,
    };
  }

  list(): BreakerView[] {
    return this.names().map((n) => this.view(n)!);
  }

  /** New settings: thresholds apply from the next outcome. */
  configure(): void {
    for (const e of this.entries.values()) e.policy.configure(this.deps.config());
  }

  /** Another process may have written (a CLI reset): adopt breakers whose stored revision is newer. */
  reloadIfChanged(): void {
    const revision = this.deps.store.breakers.revision();
    if (revision === this.seenRevision) return;
    this.seenRevision = revision;
    for (const stored of this.deps.store.breakers.all()) {
      const e = this.entries.get(stored.name);
      if (!e || stored.rev <= e.rev) continue;
      const from = e.policy.state.kind;
      e.policy = CircuitBreakerPolicy.restore(this.deps.config(), stored.state);
      e.rev = stored.rev;
      e.since = stored.updatedAt;
      const to = e.policy.state.kind;
      if (from !== to)
        this.emit('transition', this.view(stored.name)!, { from, to, reason: 'changed by another Lifeline process' });
    }
    this.schedule();
  }

  /** Moves breakers whose open time is up to half-open. */
  tick(): void {
    const now = this.deps.clock.now();
    for (const [name, e] of this.entries) this.apply(name, e, e.policy.tick(now), 'engine');
    this.schedule();
  }

  stop(): void {
    this.deps.clock.clearTimeout(this.timer);
  }

  private apply(name: string, e: Entry, t: BreakerTransition | null, actor: 'engine' | 'user' | 'recovery'): void {
    if (!t) return;
    const now = this.deps.clock.now();
    e.since = now;
    try {
      e.rev = this.deps.store.atomically(() => {
        this.deps.store.serviceEvents.insert(now, { service: name, type: `breaker_${t.to}`, actor, detail: t.reason });
        return this.deps.store.breakers.save(name, e.policy.state, now);
      });
    } catch (err: unknown) {
      // The breaker still works from memory; the state is saved with the next transition.
      this.deps.log.error({ err, breaker: name }, 'could not save breaker state');
    }
    this.deps.log.warn({ breaker: name, from: t.from, to: t.to, reason: t.reason }, 'breaker transition');
    this.emit('transition', this.view(name)!, t);
    this.schedule();
  }

  private schedule(): void {
    this.deps.clock.clearTimeout(this.timer);
    const now = this.deps.clock.now();
    let next = Infinity;
    for (const e of this.entries.values())
      if (e.policy.state.kind === 'open') next = Math.min(next, e.policy.remainingOpenMs(now));
    if (next === Infinity) return;
    this.timer = this.deps.clock.setTimeout(() => this.tick(), Math.min(next + 5, 2 ** 31 - 1)).unref();
  }
}
