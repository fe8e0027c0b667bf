import { heldByUserReason } from '../engine/stage-pause';
import type { Stage } from '../../shared/contract';
import type { EngineConfig } from '../config/config';
import type { Engine } from '../engine/engine';
import type { StageHandler } from '../engine/stage-handler';
import type { Store } from '../store/store';
import type { DiskGuard } from '../disk/disk-guard';
import type { LogSinkStatus } from '../log/logger';
import type { Clock } from '../time/clock';
import type { HealthProbe } from './health-probe';
import { databaseProbe } from './probes/database-probe';
import { diskProbe } from './probes/disk-probe';
import { processProbe } from './probes/process-probe';
import { ownerId } from '../recovery/process-alive';
import { remoteEngineProbe } from './probes/remote-engine-probe';
import { queueProbe } from './probes/queue-probe';
import { workersProbe } from './probes/workers-probe';

export interface ProbeDeps {
  store: Store;
  dataDir: string;
  clock: Clock;
  config(): EngineConfig;
  stages: readonly StageHandler[];
  /** Null in a process without an engine (the CLI): engine-only probes are left out. */
  engine: Engine | null;
  /** Free space, read fresh at each check. */
  disk: DiskGuard;
  /** Whether the log file takes its lines (a full disk drops them). */
  logStatus(): LogSinkStatus | null;
}

/**
 * The probes Lifeline always runs: the store, the disk, the queue, and (with an engine) its workers
 * and itself. Dead letters are not a service: they are attention (attention-policy.ts). Each stage service's probe comes and goes with the settings (service-roster.ts),
 * placed before the workers.
 */
export function lifelineProbes(d: ProbeDeps): HealthProbe[] {
  const health = () => d.config().health;
  const stageOrder: Stage[] = d.stages.map((s) => s.stage);
  const probes: HealthProbe[] = [
    databaseProbe(d.store.health),
    diskProbe(d.dataDir, health, d.disk, d.logStatus),
    queueProbe({
      metrics: d.store.metrics,
      stages: stageOrder,
      now: () => d.clock.now(),
      config: health,
      blocked: (stage) => {
        // Without an engine here (the CLI), the user's pause is still read from the settings: a paused
        // stage is never "idle".
        if (!d.engine) {
          const held = heldByUserReason(stage, d.config().stages[stage]);
          return held === null ? undefined : { reason: held, benign: true, byUser: true };
        }
        const reason = d.engine.gates.reason(stage);
        if (reason === undefined) return undefined;
        const sources = d.engine!.gates.sources(stage);
        // A pause is the user's choice; a breaker is reported by its service; neither is the queue's problem.
        return {
          reason,
          benign: sources.every((s) => s === 'paused' || s === 'breaker'),
          byUser: sources[0] === 'paused',
        };
      },
      waiting: (stage) => d.store.metrics.waitingCount(stage),
    }),
  ];
  if (d.engine)
    probes.push(
      workersProbe(d.engine.executor),
      processProbe(
        health,
        d.engine.owner,
        () => d.engine!.executor.liveness(),
        () => d.clock.now(),
      ),
    );
  else probes.push(remoteEngineProbe(d.store.health, () => d.clock.now(), health, ownerId(d.clock.now())));
  return probes;
}
