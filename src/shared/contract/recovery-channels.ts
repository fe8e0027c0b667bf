import { z } from 'zod';
import { channel, writeChannel } from './define';
import { AutoRecoveryInfo } from './health-channels';
import { Stage } from './model';

export const RecoveryOutcomeInfo = z.object({
  itemId: z.number().int(),
  stage: Stage,
  /** lease_expired | max_duration | progress_stalled | worker_gone | manual */
  rule: z.string(),
  why: z.string(),
  /** requeue (its work had not begun: nothing counted) | resume | restart | validate | escalate | none (it was not running) */
  strategy: z.string(),
  /** requeued | succeeded | dead | lost_race | failed */
  result: z.string(),
});
export type RecoveryOutcomeInfo = z.infer<typeof RecoveryOutcomeInfo>;

export const RecoveryLogEntryInfo = z.object({
  id: z.number().int(),
  itemId: z.number().int(),
  stage: Stage,
  rule: z.string(),
  ruleDetail: z.string(),
  strategy: z.string(),
  outcome: z.string(),
  trigger: z.string(),
  detectedAt: z.string(),
  /** When the job last showed life (its last heartbeat). */
  stalledSince: z.string(),
  durationMs: z.number(),
  detail: z.string().nullable(),
});
export type RecoveryLogEntryInfo = z.infer<typeof RecoveryLogEntryInfo>;

export const RecoveryStats = z.object({
  /** Over the last 24 hours. */
  last24h: z.object({
    recoveries: z.number().int(),
    byRule: z.record(z.string(), z.number().int()),
    byStrategy: z.record(z.string(), z.number().int()),
    /** Recovered jobs whose stage then succeeded, over those that succeeded or went dead; null without any. */
    successRate: z.number().nullable(),
    /** Mean time from a job's last sign of life to its stage succeeding after recovery, ms. */
    meanTimeToRecoveryMs: z.number().nullable(),
    pending: z.number().int(),
  }),
  recent: z.array(RecoveryLogEntryInfo),
  autoRecovery: z.array(
    z.object({
      service: z.string(),
      action: z.string(),
      attempts: z.number().int(),
      maxAttempts: z.number().int(),
      needsYou: z.boolean(),
      running: z.boolean(),
    }),
  ),
});
export type RecoveryStats = z.infer<typeof RecoveryStats>;

export const ScanResult = z.object({
  recovered: z.array(RecoveryOutcomeInfo),
  /** What was checked: with an engine in this process all rules; without, only expired leases and gone processes. */
  scope: z.enum(['engine', 'store']),
  note: z.string().nullable(),
});
export type ScanResult = z.infer<typeof ScanResult>;

export const TriggerServiceResult = z.object({
  service: z.string(),
  /** What the recovery handler did, e.g. "re-probe the endpoint". */
  action: z.string(),
  /** `recovered`: the handler succeeded; `failed`: the service is still not back; `already_running`: a run was under way, nothing new was started. */
  outcome: z.enum(['recovered', 'failed', 'already_running']),
  /** One sentence from the handler: what it found or why it failed. */
  detail: z.string(),
  /** Stuck jobs of the service's stages that were recovered at the same time. */
  recovered: z.array(RecoveryOutcomeInfo),
  autoRecovery: AutoRecoveryInfo,
});
export type TriggerServiceResult = z.infer<typeof TriggerServiceResult>;

export const recoveryChannels = {
  'recovery:stats': channel(
    z.object({ limit: z.number().int().min(0).max(500).default(20) }),
    RecoveryStats,
    'Recovery success rate, time to recovery, recent recoveries.',
  ),
  'recovery:recoverItem': writeChannel(
    z.object({
      id: z.number().int().positive(),
      /**
       * Sent by a page that showed the item running: one that stopped meanwhile (it finished as you
       * clicked) is answered with strategy `none` and result `lost_race` instead of INVALID_STATE.
       */
      ifStillRunning: z.literal(true).optional(),
    }),
    RecoveryOutcomeInfo,
    'Recovers one running item now (its worker is stopped).',
  ),
  'recovery:scan': writeChannel(z.object({}), ScanResult, 'Runs the stuck scan now.'),
  'recovery:resetStuck': writeChannel(
    z.object({}),
    ScanResult,
    'Recovers every running job that any stuck rule finds.',
  ),
  'recovery:triggerStage': channel(
    z.object({ stage: Stage }),
    z.object({ service: z.string().nullable(), ran: z.string().nullable(), recovered: z.array(RecoveryOutcomeInfo) }),
    "Runs the stage's service recovery handler now (attempts reset) and recovers its stuck jobs.",
  ),
  'recovery:triggerService': channel(
    z.object({ name: z.string().min(1) }),
    TriggerServiceResult,
    "Runs a service's recovery handler now (attempts reset), waits for its outcome, and recovers its stages' stuck jobs.",
  ),
};
