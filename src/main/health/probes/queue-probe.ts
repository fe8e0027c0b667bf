import { plural } from '../../../shared/text/plural';
import type { Stage } from '../../../shared/contract';
import type { HealthConfig } from '../../config/config';
import type { MetricsReads } from '../../store/metrics-reads';
import type { HealthProbe, ProbeReport } from '../health-probe';

export interface QueueProbeDeps {
  metrics: MetricsReads;
  stages: readonly Stage[];
  now(): number;
  config(): HealthConfig;
  /**
   * Why a stage cannot run, whether that is nobody's fault (`benign`: a pause, a breaker) and
   * whether the user holds it (`byUser`: paused or stopped); undefined when it runs or is unknown here.
   */
  blocked(stage: Stage): { reason: string; benign: boolean; byUser?: boolean } | undefined;
  /** Jobs waiting at a stage. */
  waiting(stage: Stage): number;
}

/** Queue lag (how long the oldest runnable job has been in line) and items held by a stage that cannot run. */
export function queueProbe(deps: QueueProbeDeps): HealthProbe {
  return {
    name: 'queue',
    label: 'Queue',
    required: false,
    check(): ProbeReport {
      const now = deps.now();
      let lag = 0;
      let lagStage: Stage | null = null;
      const held: string[] = [];
      const byUser: string[] = [];
      for (const stage of deps.stages) {
        const blocked = deps.blocked(stage);
        const waiting = deps.waiting(stage);
        if (blocked && !blocked.benign && waiting > 0)
          held.push(`${plural(waiting, 'item')} ${waiting === 1 ? 'waits' : 'wait'} at ${stage}: ${blocked.reason}`);
        if (blocked?.byUser) byUser.push(`${blocked.reason}, ${waiting} waiting`);
        if (blocked) continue;
        const since = deps.metrics.oldestQueuedAt(stage);
        if (since !== null && now - since > lag) {
          lag = now - since;
          lagStage = stage;
        }
      }
      const lagText = lagStage
        ? `oldest runnable job has waited ${(lag / 1000).toFixed(0)} s (${lagStage})`
        : 'nothing runnable is waiting';
      if (held.length > 0)
        return { status: 'degraded', explicit: true, latencyMs: lag, message: `${held.join('; ')}; ${lagText}` };
      if (lag > deps.config().queueLagAmberMs) return { status: 'degraded', latencyMs: lag, message: lagText };
      // Benign, and worth a note in the overall status: nothing moves there until the user resumes.
      if (byUser.length > 0) return { status: 'paused', latencyMs: lag, message: `${byUser.join('; ')}; ${lagText}` };
      return { status: lagStage ? 'up' : 'idle', latencyMs: lag, message: lagText };
    },
  };
}
