import type { BreakerBoard } from '../breakers/breaker-board';
import type { StageExecutor } from '../engine/stage-executor';
import type { Logger } from '../log/logger';
import type { StageHandler, StageService } from '../engine/stage-handler';
import type { AutoRecovery } from '../recovery/auto-recovery';
import { serviceRecoveryHandler } from '../recovery/service-recovery-handlers';
import type { HealthMonitor } from './health-monitor';
import { serviceProbe } from './probes/service-probe';

export interface ServiceRosterDeps {
  /** Their `service` follows the settings (the engine a stage uses is rebuilt when they change). */
  stages: readonly StageHandler[];
  health: HealthMonitor;
  breakers: BreakerBoard;
  /** Null in a process without an engine (the CLI): nothing is recovered from there. */
  recovery: { autoRecovery: AutoRecovery; executor: StageExecutor } | null;
  /**
   * Services with a breaker in the store that no stage may call now (another engine was chosen): their
   * breakers are registered at the first sync too, so `lifeline breakers` still shows and resets them.
   */
  kept(): readonly string[];
  /** A new service's health entry goes before the first of these that exists (the workers, the engine). */
  placeBefore: readonly string[];
  /** Told what each service's own check found (a failure, or null): see ServiceWatch.onCheck. */
  onCheck?(name: string, failure: string | null): void;
  log: Logger;
}

/** What one `sync` did, by service name. */
export interface RosterChange {
  /** Used now and not before: a breaker, a health entry and (with an engine) an auto-recovery handler. */
  added: string[];
  /** Same name, another label, kind or requiredness: health entry and handler rebuilt, recovery starts afresh. */
  replaced: string[];
  /** Same service, rebuilt from new settings (another address, model…): its checks now reach the new one. */
  rebound: string[];
  /** No stage calls it any more: health entry and handler gone (its breaker and history stay in the store). */
  retired: string[];
}

/** What the monitor and the recovery hold on to: a change of these rebuilds the entry. */
const shapeOf = (s: StageService) => JSON.stringify([s.label, s.kind, s.required ?? true]);

/**
 * The external services the stages call now, and what each one gets: a breaker (registered here and
 * nowhere else; the engine and stage availability only read the board), a health entry and an
 * auto-recovery handler. `sync()` runs at open and after every
 * settings change, so switching between a local and an HTTP engine (or moving a server) shows on the
 * Services screen and in `lifeline health`, and is recovered, without a restart. Probes and handlers
 * read the service through the roster, so they always reach the server the settings name now.
 */
export class ServiceRoster {
  private readonly inUse = new Map<string, { service: StageService; shape: string }>();
  private synced = false;

  constructor(private readonly deps: ServiceRosterDeps) {}

  /** The services in use, by name. */
  names(): string[] {
    return [...this.inUse.keys()];
  }

  /** The services in use, name → label. */
  labels(): Map<string, string> {
    return new Map([...this.inUse].map(([name, e]) => [name, e.service.label]));
  }

  sync(): RosterChange {
    const { health, breakers, recovery, placeBefore } = this.deps;
    const now = new Map<string, StageService>();
    // Two stages may share a service: the first one's counts.
    for (const h of this.deps.stages) {
      const s = h.service;
      if (s && !now.has(s.name)) now.set(s.name, s);
    }
    const change: RosterChange = { added: [], replaced: [], rebound: [], retired: [] };
    for (const [name, service] of now) {
      const shape = shapeOf(service);
      const was = this.inUse.get(name);
      this.inUse.set(name, { service, shape });
      if (was && was.shape === shape) {
        if (was.service !== service) change.rebound.push(name);
        continue;
      }
      const current = () => this.inUse.get(name)?.service ?? service;
      breakers.register(name, service.label);
      health.setProbe(
        serviceProbe(current, () => breakers.view(name), this.deps.onCheck),
        placeBefore,
      );
      recovery?.autoRecovery.register(name, serviceRecoveryHandler(current, recovery.executor, breakers));
      (was ? change.replaced : change.added).push(name);
    }
    // After the services in use, so the board lists them first; a breaker stays registered once retired.
    if (!this.synced) for (const name of this.deps.kept()) if (!breakers.has(name)) breakers.register(name, name);
    this.synced = true;
    for (const name of [...this.inUse.keys()]) {
      if (now.has(name)) continue;
      this.inUse.delete(name);
      health.removeProbe(name);
      recovery?.autoRecovery.unregister(name);
      change.retired.push(name);
    }
    if (change.added.length + change.replaced.length + change.retired.length > 0)
      this.deps.log.info(change, 'stage services changed');
    return change;
  }
}
