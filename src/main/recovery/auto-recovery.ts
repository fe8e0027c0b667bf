import { EventEmitter } from 'node:events';
import type { AutoRecoveryConfig } from '../config/config';
import type { Logger } from '../log/logger';
import type { ServiceEventsStore } from '../store/service-events-store';
import type { Clock, Timer } from '../time/clock';
import {
  afterAutoRecoveryRun,
  decideAutoRecovery,
  freshAutoRecovery,
  hasGivenUp,
  type AutoRecoveryState,
} from './auto-recovery-policy';
import { missingCase } from '../../shared/missing-case';

/** One way of bringing a service back: restart workers and reload models, re-probe an endpoint, reopen the database. */
export interface RecoveryHandler {
  /** What it does, for the audit trail ("restart the worker processes"). */
  action: string;
  /** Resolves with what happened; rejects when the service is still not back. */
  run(signal: AbortSignal): Promise<string>;
}

export interface AutoRecoveryStatus {
  service: string;
  action: string;
  attempts: number;
  maxAttempts: number;
  lastRunAt: number | null;
  nextAllowedAt: number | null;
  /** Recovery gave up: the service shows "needs you" with a Trigger recovery action. */
  needsYou: boolean;
  running: boolean;
}

/** What one run of a handler found: `ok` when it succeeded, with its one-sentence account. */
export interface AutoRecoveryRunOutcome {
  ok: boolean;
  detail: string;
}

export interface AutoRecoveryEvents {
  changed: [status: AutoRecoveryStatus];
}

interface Entry {
  handler: RecoveryHandler;
  state: AutoRecoveryState;
  running: boolean;
  /** A trigger arrived during the cooldown: run when it ends, if the service is still failing by then. */
  retryTimer?: Timer;
  /** After the last attempt: announces "needs you" once its cooldown has passed without the service coming back. */
  giveUpTimer?: Timer;
}

/**
 * Runs each service's recovery handler when its breaker opens or its probe fails, with a cooldown
 * that grows after each run and a maximum of runs; then the service needs the user, who can trigger
 * it again by hand. A service that proves healthy (breaker closed, probe up) starts afresh.
 */
export class AutoRecovery extends EventEmitter<AutoRecoveryEvents> {
  private readonly entries = new Map<string, Entry>();
  private readonly ac = new AbortController();

  constructor(
    private readonly deps: {
      clock: Clock;
      config(): AutoRecoveryConfig;
      serviceEvents: ServiceEventsStore;
      log: Logger;
      /** Whether the service is still failing (a pending cooldown run is skipped otherwise). */
      stillFailing(service: string): boolean;
    },
  ) {
    super();
  }

  /**
   * Registers a service's handler. Registering again replaces it and starts afresh (the service now
   * is another server or kind): attempts, cooldown and "needs you" were about the one before.
   */
  register(service: string, handler: RecoveryHandler): void {
    this.clearTimers(this.entries.get(service));
    this.entries.set(service, { handler, state: freshAutoRecovery(), running: false });
  }

  /** The service is no longer used: no more runs, nothing pending. A run under way finishes unseen. */
  unregister(service: string): boolean {
    const e = this.entries.get(service);
    this.clearTimers(e);
    return this.entries.delete(service);
  }

  has(service: string): boolean {
    return this.entries.has(service);
  }

  /** Something says the service is down. Runs the handler now, later (cooldown), or not at all (gave up). */
  trigger(service: string, why: string): void {
    const e = this.entries.get(service);
    if (!e || e.running) return;
    const now = this.deps.clock.now();
    const d = decideAutoRecovery(e.state, now, this.deps.config());
    switch (d.kind) {
      case 'run':
        void this.run(service, e, why, d.attempt);
        return;
      case 'cooldown':
        if (!e.retryTimer) {
          e.retryTimer = this.deps.clock
            .setTimeout(() => {
              e.retryTimer = undefined;
              if (this.deps.stillFailing(service)) this.trigger(service, `${why} (still failing after the cooldown)`);
            }, d.waitMs + 5)
            .unref();
        }
        return;
      case 'gave_up':
        // Nothing changes: the service already shows "needs you" (or will when the last cooldown ends).
        return;
      default:
        return missingCase(d);
    }
  }

  /** The service proved healthy: attempts start again from zero. */
  healthy(service: string): void {
    const e = this.entries.get(service);
    if (!e || (e.state.attempts === 0 && !e.retryTimer)) return;
    this.deps.clock.clearTimeout(e.retryTimer);
    this.deps.clock.clearTimeout(e.giveUpTimer);
    e.retryTimer = undefined;
    e.state = freshAutoRecovery();
    this.emit('changed', this.status(service)!);
  }

  /**
   * The user pressed Trigger recovery: attempts reset, the handler runs now. Undefined for an unknown
   * service; `outcome` is null when a run was already under way (it is not started twice).
   */
  async manual(
    service: string,
  ): Promise<(AutoRecoveryStatus & { outcome: AutoRecoveryRunOutcome | null }) | undefined> {
    const e = this.entries.get(service);
    if (!e) return undefined;
    this.deps.clock.clearTimeout(e.retryTimer);
    this.deps.clock.clearTimeout(e.giveUpTimer);
    e.retryTimer = undefined;
    e.state = freshAutoRecovery();
    const outcome = e.running ? null : await this.run(service, e, 'asked by the user', 1, 'user');
    // Dropped while it ran (the settings stopped using the service): as for an unknown service.
    const status = this.status(service);
    return status && { ...status, outcome };
  }

  status(service: string): AutoRecoveryStatus | undefined {
    const e = this.entries.get(service);
    if (!e) return undefined;
    const cfg = this.deps.config();
    return {
      service,
      action: e.handler.action,
      attempts: e.state.attempts,
      maxAttempts: cfg.maxAttempts,
      lastRunAt: e.state.lastRunAt,
      nextAllowedAt: e.state.attempts > 0 ? e.state.nextAllowedAt : null,
      needsYou: hasGivenUp(e.state, this.deps.clock.now(), cfg) && this.deps.stillFailing(service),
      running: e.running,
    };
  }

  list(): AutoRecoveryStatus[] {
    return [...this.entries.keys()].map((s) => this.status(s)!);
  }

  stop(): void {
    this.ac.abort(new Error('stopping'));
    for (const e of this.entries.values()) this.clearTimers(e);
  }

  /** The moment the user is needed: in the service's audit trail and the log, once per giving up. */
  private gaveUp(service: string, max: number): void {
    const detail = `${max} automatic recover${max === 1 ? 'y' : 'ies'} did not bring it back: it needs you (Trigger recovery, or fix it and it is used again within seconds)`;
    try {
      this.deps.serviceEvents.insert(this.deps.clock.now(), {
        service,
        type: 'auto_recovery_gave_up',
        actor: 'recovery',
        detail,
      });
    } catch (err: unknown) {
      this.deps.log.warn({ err, service }, 'could not record that auto-recovery gave up');
    }
    this.deps.log.error({ service, attempts: max }, 'auto-recovery gave up: the service needs the user');
  }

  private clearTimers(e: Entry | undefined): void {
    if (!e) return;
    this.deps.clock.clearTimeout(e.retryTimer);
    this.deps.clock.clearTimeout(e.giveUpTimer);
    e.retryTimer = undefined;
    e.giveUpTimer = undefined;
  }

  /** Announces the entry's status, unless it was replaced or dropped meanwhile (a run that outlived it). */
  private announce(service: string, e: Entry): void {
    if (this.entries.get(service) === e) this.emit('changed', this.status(service)!);
  }

  private async run(
    service: string,
    e: Entry,
    why: string,
    attempt: number,
    actor: 'recovery' | 'user' = 'recovery',
  ): Promise<AutoRecoveryRunOutcome> {
    const { clock, serviceEvents, log } = this.deps;
    e.running = true;
    const started = clock.now();
    e.state = afterAutoRecoveryRun(e.state, started, this.deps.config());
    this.emit('changed', this.status(service)!);
    let detail: string;
    let type: string;
    try {
      detail = await e.handler.run(this.ac.signal);
      type = 'auto_recovery_ran';
    } catch (err: unknown) {
      detail = err instanceof Error ? err.message : String(err);
      type = 'auto_recovery_failed';
    }
    e.running = false;
    const max = this.deps.config().maxAttempts;
    const took = clock.now() - started;
    const text = `${e.handler.action} (attempt ${attempt} of ${max}, because ${why}; took ${took} ms): ${detail}`;
    try {
      // Recorded at the time the run started: the cooldown is measured between starts.
      serviceEvents.insert(started, { service, type, actor, detail: text });
    } catch (err: unknown) {
      log.warn({ err, service }, 'could not record the auto-recovery run');
    }
    log.warn({ service, attempt, type, tookMs: took }, 'auto-recovery handler ran');
    this.announce(service, e);
    if (e.state.attempts >= max && this.entries.get(service) === e) {
      clock.clearTimeout(e.giveUpTimer);
      e.giveUpTimer = clock
        .setTimeout(
          () => {
            if (!this.deps.stillFailing(service) || this.entries.get(service) !== e) return;
            this.gaveUp(service, max);
            this.announce(service, e);
          },
          Math.max(0, e.state.nextAllowedAt - clock.now()) + 5,
        )
        .unref();
    }
    return { ok: type === 'auto_recovery_ran', detail };
  }
}
