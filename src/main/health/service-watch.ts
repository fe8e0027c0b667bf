import type { BreakerBoard, BreakerView } from '../breakers/breaker-board';
import type { Engine } from '../engine/engine';
import type { ServiceStatus } from '../engine/service-status';
import type { Logger } from '../log/logger';
import type { AutoRecovery } from '../recovery/auto-recovery';
import type { Clock, Timer } from '../time/clock';
import type { ProbeResult } from './health-rollup-policy';
import type { HealthMonitor } from './health-monitor';
import { recheckDelayMs } from './recheck-policy';

export interface ServiceWatchDeps {
  health: HealthMonitor;
  breakers: BreakerBoard;
  engine: Engine;
  autoRecovery: AutoRecovery;
  /** Times the re-checks. */
  clock: Clock;
  /** The stage services in use now, with their labels (ServiceRoster). */
  services(): ReadonlyMap<string, string>;
  log: Logger;
}

/**
 * What the health checks and the breakers know of each stage service, shared both ways (the
 * engine's `ServiceStatus`). A failing check parks the service's stages before an item is tried; a
 * check that passes again while the breaker is open ends its open time, so one item tests it at once.
 * While a service is known down (its check fails or its breaker is not closed) it is checked again
 * on a short, growing interval (recheck-policy.ts), so a server that comes back is used within
 * seconds. A check that fails, or a breaker that opens, also triggers the service's auto-recovery.
 */
export class ServiceWatch implements ServiceStatus {
  /** Each stage service's last own check: why it failed, or null when it passed. */
  private readonly checks = new Map<string, string | null>();
  /** Every service's last health result. */
  private readonly last = new Map<string, ProbeResult>();
  private readonly rechecks = new Map<string, { n: number; timer?: Timer }>();
  private stopped = false;

  constructor(private readonly deps: ServiceWatchDeps) {}

  downReason(service: string): string | null {
    return this.checks.get(service) ?? null;
  }

  async confirmDown(service: string): Promise<string | null> {
    if (!this.deps.services().has(service) || this.stopped) return null;
    await this.deps.health.checkNow(service);
    return this.downReason(service);
  }

  /**
   * What a stage service's own check found (`failure`, or null when it passed), apart from its
   * breaker. A failing check parks its stages and triggers recovery; a check that passes after
   * failing ends the breaker's open time (the service came back: one item tests it now).
   */
  onCheck(name: string, failure: string | null): void {
    const label = this.deps.services().get(name);
    if (this.stopped || label === undefined) return;
    const { engine, breakers, autoRecovery } = this.deps;
    const wasFailing = (this.checks.get(name) ?? null) !== null;
    this.checks.set(name, failure);
    engine.setServiceDown(
      name,
      failure === null ? null : `${label} does not pass its check (${failure}); checking again within seconds`,
    );
    if (failure !== null) autoRecovery.trigger(name, `its health check failed (${failure})`);
    else if (wasFailing && breakers.view(name)?.state === 'open')
      breakers.expedite(name, 'its check passes again: one item will now test it');
    this.schedule(name);
  }

  /** One health result (any service). */
  onResult(name: string, r: ProbeResult): void {
    // A check that was under way when Lifeline closed says nothing to anyone.
    if (this.stopped) return;
    const { breakers, autoRecovery } = this.deps;
    this.last.set(name, r);
    if (!this.deps.services().has(name)) {
      if (!autoRecovery.has(name)) return;
      if (r.status === 'down') autoRecovery.trigger(name, `its health check failed (${r.message})`);
      else if (r.status === 'up') autoRecovery.healthy(name);
      return;
    }
    // Answering its check with the breaker closed is healthy enough to start recovery afresh (a
    // "degraded" from calls that failed before the outage was known is history, not a new failure).
    if (r.status !== 'down' && this.downReason(name) === null && breakers.view(name)?.state === 'closed')
      autoRecovery.healthy(name);
    this.schedule(name);
  }

  onBreaker(view: BreakerView): void {
    if (this.stopped) return;
    const { autoRecovery } = this.deps;
    if (view.state === 'open') autoRecovery.trigger(view.name, `its breaker opened (${view.reason ?? 'failing'})`);
    if (view.state === 'closed') autoRecovery.healthy(view.name);
    this.schedule(view.name);
  }

  /** The service is no longer used: forget it and check it no more. */
  retire(name: string): void {
    this.checks.delete(name);
    this.last.delete(name);
    this.deps.clock.clearTimeout(this.rechecks.get(name)?.timer);
    this.rechecks.delete(name);
  }

  /** Whether the service is known down (its check fails or its breaker is not closed): what auto-recovery asks after a cooldown. */
  knownDown(name: string): boolean {
    const b = this.deps.breakers.has(name) ? this.deps.breakers.view(name) : undefined;
    return (
      this.downReason(name) !== null ||
      this.last.get(name)?.status === 'down' ||
      (b !== undefined && b.state !== 'closed')
    );
  }

  stop(): void {
    this.stopped = true;
    for (const r of this.rechecks.values()) this.deps.clock.clearTimeout(r.timer);
    this.rechecks.clear();
  }

  private schedule(name: string): void {
    if (this.stopped || !this.deps.services().has(name)) return;
    const r = this.rechecks.get(name) ?? { n: 0 };
    this.rechecks.set(name, r);
    if (!this.knownDown(name)) {
      this.deps.clock.clearTimeout(r.timer);
      r.timer = undefined;
      r.n = 0;
      return;
    }
    if (r.timer) return;
    r.n++;
    r.timer = this.deps.clock
      .setTimeout(() => {
        r.timer = undefined;
        if (this.stopped) return;
        void this.deps.health
          .checkNow(name)
          .catch((err: unknown) => this.deps.log.warn({ err, service: name }, 'service re-check failed'));
      }, recheckDelayMs(r.n))
      .unref();
  }
}
