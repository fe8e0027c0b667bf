import { z } from 'zod';
import { channel, writeChannel } from './define';
import { ItemState, Stage } from './model';

export const StageInfo = z.object({
  stage: Stage,
  concurrency: z.number().int(),
  running: z.number().int(),
  paused: z.boolean(),
  /** Why the user holds it: paused, or stopped by a concurrency of 0 (e.g. "Transcribe is paused by you"); null when not. */
  heldBy: z.string().nullable(),
  /** Why its jobs wait, or null when it runs (null too when no engine runs in this process). */
  blockedBy: z.string().nullable(),
  service: z.string().nullable(),
  counts: z.record(ItemState, z.number().int()),
  /** Since when the oldest runnable job has waited, ms; null when none. */
  oldestQueuedMs: z.number().nullable(),
});
export type StageInfo = z.infer<typeof StageInfo>;

export const QueueStats = z.object({
  stages: z.array(StageInfo),
  totals: z.record(ItemState, z.number().int()),
  items: z.number().int(),
});
export type QueueStats = z.infer<typeof QueueStats>;

const StageRef = z.object({ stage: Stage });

export const stagesChannels = {
  'queue:stats': channel(
    z.object({ stage: Stage.optional() }),
    QueueStats,
    'Queue counts, lag and limits, for all stages or one.',
  ),
  'stages:setConcurrency': writeChannel(
    z.object({ stage: Stage, limit: z.number().int().min(0).max(64) }),
    StageInfo,
    'Sets how many jobs of a stage run at once.',
  ),
  'stages:pause': writeChannel(
    StageRef,
    StageInfo,
    'Pauses a stage: its jobs wait (running ones finish); nothing is lost.',
  ),
  'stages:resume': writeChannel(StageRef, StageInfo, 'Resumes a paused stage.'),
  'stages:pauseAll': writeChannel(
    z.object({}),
    QueueStats,
    'Pauses every stage: all jobs wait (running ones finish); nothing is lost.',
  ),
  'stages:resumeAll': writeChannel(
    z.object({}),
    QueueStats,
    'Resumes every paused stage (a stage stopped by a concurrency of 0 stays stopped).',
  ),
};
