import { z } from 'zod';
import { channel } from './define';
import { StageStateCounts } from './model';

export const Metrics = z.object({
  at: z.string(),
  counts: StageStateCounts,
  /** Stage completions per minute over the last hour, oldest first (60 entries). */
  throughputPerMinute: z.array(
    z.object({ minute: z.string(), completions: z.record(z.string(), z.number().int()), itemsDone: z.number().int() }),
  ),
  /** Stage run time (started → succeeded) over the last hour, ms. */
  latency: z.record(
    z.string(),
    z.object({ runs: z.number().int(), p50Ms: z.number().nullable(), p95Ms: z.number().nullable() }),
  ),
  recovery24h: z.object({
    recoveries: z.number().int(),
    successRate: z.number().nullable(),
    meanTimeToRecoveryMs: z.number().nullable(),
  }),
  deadLetters: z.object({
    total: z.number().int(),
    byCode: z.array(
      z.object({ code: z.string(), stage: z.string(), count: z.number().int(), example: z.string().nullable() }),
    ),
  }),
});
export type Metrics = z.infer<typeof Metrics>;

export const metricsChannels = {
  'metrics:get': channel(z.object({}), Metrics, 'Counts, throughput, latency, recovery and dead-letter metrics.'),
};
