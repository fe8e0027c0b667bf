import type { Stage } from '../../shared/contract';
import { missingCase } from '../../shared/missing-case';

/** Why a running job is considered stuck. */
export type StuckRule =
  /** No heartbeat renewed the lease in time: the worker is gone, hung, or its engine is. */
  | { kind: 'lease_expired'; silentMs: number }
  /** Running longer than the stage is ever expected to take. */
  | { kind: 'max_duration'; runningMs: number; limitMs: number }
  /** Heartbeats keep coming but the reported progress has not moved. */
  | { kind: 'progress_stalled'; stalledMs: number; limitMs: number }
  /** The process that held the job exited (crash, abort, out of memory, kill). */
  | { kind: 'worker_gone'; detail: string }
  /** A user asked to recover this job. */
  | { kind: 'manual'; detail: string };

export type StuckRuleKind = StuckRule['kind'];

/** The lease timestamps the rules look at (ms epoch). */
export interface LeaseTimes {
  stage: Stage;
  acquiredAt: number;
  expiresAt: number;
  heartbeatAt: number;
  /** Null until the stage reported progress; a stage that never reports cannot stall. */
  progressStep: string | null;
  progressChangedAt: number;
}

export interface StuckRulesConfig {
  maxDurationMs: Record<Stage, number>;
  progressStallMs: number;
}

/**
 * Which rule, if any, makes a lease stuck at `now`. Every process may apply the lease rule to any
 * lease (expiry is the contract between processes). Duration and progress rules are only applied by
 * the engine that owns the lease (`own`): it alone can kill the worker, and it alone knows whether
 * it slept, so another engine never judges work it cannot see.
 */
export function stuckRule(lease: LeaseTimes, now: number, config: StuckRulesConfig, own: boolean): StuckRule | null {
  if (lease.expiresAt < now) return { kind: 'lease_expired', silentMs: now - lease.heartbeatAt };
  if (!own) return null;
  const limitMs = config.maxDurationMs[lease.stage];
  if (now - lease.acquiredAt > limitMs) return { kind: 'max_duration', runningMs: now - lease.acquiredAt, limitMs };
  if (lease.progressStep !== null && now - lease.progressChangedAt > config.progressStallMs) {
    return { kind: 'progress_stalled', stalledMs: now - lease.progressChangedAt, limitMs: config.progressStallMs };
  }
  return null;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** The rule as a sentence for the timeline and the recovery log. */
export function describeStuckRule(rule: StuckRule): string {
  switch (rule.kind) {
    case 'lease_expired':
      return `no heartbeat for ${seconds(rule.silentMs)} (lease expired)`;
    case 'max_duration':
      return `running for ${seconds(rule.runningMs)}, longer than the stage's limit of ${seconds(rule.limitMs)}`;
    case 'progress_stalled':
      return `progress unchanged for ${seconds(rule.stalledMs)} (limit ${seconds(rule.limitMs)})`;
    case 'worker_gone':
      return `worker process gone (${rule.detail})`;
    case 'manual':
      return `recovery asked by the user (${rule.detail})`;
    default:
      return missingCase(rule);
  }
}
