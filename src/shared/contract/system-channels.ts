import { z } from 'zod';
import { BreakerInfo } from './breakers-channels';
import { channel, writeChannel } from './define';
import { OverallStatus } from './health-channels';
import { ItemEvent, ItemState, Overview, Stage } from './model';
import { RecoveryLogEntryInfo } from './recovery-channels';
import { SettingEntry } from './setting-schemas';

export const SystemOverview = z.object({
  overall: OverallStatus,
  reasons: z.array(z.string()),
  engine: z.object({
    /** Whether this process runs the engine (the CLI does not). */
    running: z.boolean(),
    mode: z.enum(['worker-processes', 'in-process']).nullable(),
    workers: z
      .object({
        expected: z.number().int(),
        ready: z.number().int(),
        busy: z.number().int(),
        recentCrashes: z.number().int(),
      })
      .nullable(),
    runningJobs: z.number().int(),
    uptimeMs: z.number().nullable(),
  }),
  queue: Overview,
  breakers: z.array(BreakerInfo),
  deadLetters: z.number().int(),
});
export type SystemOverview = z.infer<typeof SystemOverview>;

export const PipelineStageStatus = z.object({
  stage: Stage,
  /** done | current | pending */
  status: z.enum(['done', 'current', 'pending']),
  state: ItemState.nullable(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  runs: z.number().int(),
});

export const PipelineStatus = z.object({
  id: z.number().int(),
  state: ItemState,
  stage: Stage,
  stages: z.array(PipelineStageStatus),
  /** One line about what went wrong so far (failures, recoveries), or null. */
  failureSummary: z.string().nullable(),
  recoveries: z.array(RecoveryLogEntryInfo),
  lastError: z.object({ code: z.string(), message: z.string() }).nullable(),
  events: z.array(ItemEvent),
});
export type PipelineStatus = z.infer<typeof PipelineStatus>;

export const systemChannels = {
  'system:overview': channel(
    z.object({}),
    SystemOverview,
    'Overall status, engine and workers, queue counts, breakers.',
  ),
  'items:pipeline': channel(
    z.object({ id: z.number().int().positive() }),
    PipelineStatus,
    'Where one item is in the pipeline, with its failures and recoveries.',
  ),
  'deadLetters:list': channel(
    z.object({ limit: z.number().int().min(1).max(500).default(100) }),
    z.object({
      total: z.number().int(),
      byCode: z.array(z.object({ code: z.string(), stage: z.string(), count: z.number().int() })),
      items: z.array(z.number().int()),
    }),
    'Dead letters grouped by error code, with their item ids.',
  ),
  'deadLetters:requeue': writeChannel(
    z.object({ id: z.number().int().positive() }),
    z.object({ id: z.number().int(), stage: Stage }),
    'Requeues one dead letter.',
  ),
  'deadLetters:requeueAll': writeChannel(
    z.object({}),
    z.object({ count: z.number().int() }),
    'Requeues every dead letter.',
  ),
  'maintenance:cleanup': writeChannel(
    z.object({ olderThanDays: z.number().int().min(1).max(3650).optional() }),
    z.object({
      before: z.string(),
      events: z.number().int(),
      serviceEvents: z.number().int(),
      recoveryLog: z.number().int(),
      healthChecks: z.number().int(),
    }),
    'Drops routine events of items done long ago, and old audit, recovery and health rows.',
  ),
  'settings:get': channel(
    z.object({}),
    z.array(SettingEntry),
    'Every setting with its value, default, source and unit.',
  ),
  'settings:set': writeChannel(
    z.object({ values: z.record(z.string(), z.union([z.number(), z.boolean(), z.string(), z.null()])) }),
    z.array(SettingEntry),
    'Changes settings (null: back to the default); all are validated first, none is stored if one is wrong.',
  ),
};
