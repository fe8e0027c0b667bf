import type { Stage } from '../../shared/contract';
import type { BreakerBoard, BreakerView } from '../breakers/breaker-board';
import type { EngineConfig } from '../config/config';
import type { Logger } from '../log/logger';
import type { StageHandler } from './stage-handler';
import type { Queue } from '../queue/queue';
import type { Clock } from '../time/clock';
import type { StageGates } from './stage-gates';
import type { StageStatus } from './engine-types';
import { heldByUserReason } from './stage-pause';

export interface StageAvailabilityDeps {
  handlers: ReadonlyMap<Stage, StageHandler>;
  gates: StageGates;
  breakers: BreakerBoard;
  queue: Queue;
  config(): EngineConfig;
  clock: Clock;
  log: Logger;
  /** A write changed items: push it to UIs. */
  changed(): void;
}

/**
 * Keeps each stage's gate up to date (no engine configured, paused or stopped by the user, breaker not closed;
 * the disk reason is set from outside) and moves its jobs between `queued` and `waiting` to match,
 * with the reason shown on every waiting item. No attempt is spent while a job waits.
 */
export class StageAvailability {
  constructor(private readonly deps: StageAvailabilityDeps) {}

  refresh(): void {
    const { handlers, gates, breakers, config } = this.deps;
    for (const handler of handlers.values()) {
      const stage = handler.stage;
      const a = handler.availability();
      gates.set(stage, 'handler', a.ok ? null : a.reason);
      // Paused, or stopped by a concurrency of 0: either way its jobs wait with the reason shown.
      gates.set(stage, 'paused', heldByUserReason(stage, config().stages[stage]));
      const service = handler.service;
      if (service) {
        // A service the roster has not registered yet (the settings just chose it) has no breaker to wait for.
        const view = breakers.view(service.name);
        gates.set(stage, 'breaker', view && view.state !== 'closed' ? breakerReason(service.label, view) : null);
      } else {
        // The stage no longer calls a service: the old one's breaker and checks hold nothing.
        gates.set(stage, 'breaker', null);
        gates.set(stage, 'service', null);
      }
      const reason = gates.reason(stage);
      if (reason !== undefined) {
        if (this.guard('park stage', () => this.deps.queue.park(stage, reason))) this.deps.changed();
      } else if (this.guard('resume stage', () => this.deps.queue.unpark(stage))) {
        this.deps.changed();
      }
    }
  }

  /** The stages calling `service` wait for it (its check failed: `reason`) or not (null); whether anything changed. */
  serviceDown(service: string, reason: string | null): boolean {
    let changed = false;
    for (const h of this.deps.handlers.values())
      if (h.service?.name === service) changed = this.deps.gates.set(h.stage, 'service', reason) || changed;
    return changed;
  }

  status(order: readonly Stage[], running: (stage: Stage) => number): StageStatus[] {
    const { config, gates, handlers } = this.deps;
    return order.map((stage) => ({
      stage,
      concurrency: config().stages[stage].concurrency,
      running: running(stage),
      paused: config().stages[stage].paused,
      blockedBy: gates.reason(stage) ?? null,
      blockSources: gates.sources(stage),
      service: handlers.get(stage)?.service?.name ?? null,
    }));
  }

  /** Parks jobs that reached a blocked stage since the last look; a read first, as most looks find none. */
  parkNewArrivals(stage: Stage, reason: string): void {
    const { queue } = this.deps;
    if (!this.guard('look for queued jobs', () => queue.hasQueued(stage))) return;
    if (this.guard('park stage', () => queue.park(stage, reason))) this.deps.changed();
  }

  private guard<T>(what: string, fn: () => T): T | undefined {
    try {
      return fn();
    } catch (err: unknown) {
      this.deps.log.error({ err }, `${what} failed`);
      return undefined;
    }
  }
}

function breakerReason(label: string, view: BreakerView): string {
  if (view.state === 'half_open') return `${label} may be back: trying one item before resuming the rest`;
  const at = view.openUntil ? new Date(view.openUntil).toLocaleTimeString() : 'soon';
  return `${label} is failing (${view.reason ?? 'breaker open'}); next try at ${at}`;
}
