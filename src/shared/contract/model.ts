import { z } from 'zod';
import { itemStates, stages } from './names';

export { itemStates, stages };

export const Stage = z.enum(stages);
export type Stage = z.infer<typeof Stage>;

export const ItemState = z.enum(itemStates);
export type ItemState = z.infer<typeof ItemState>;

export const ItemError = z.object({ code: z.string(), message: z.string() });
export type ItemError = z.infer<typeof ItemError>;

export const Progress = z.object({
  step: z.string(),
  /** 0–100, or null when the stage cannot tell. */
  percent: z.number().min(0).max(100).nullable(),
  message: z.string().nullable(),
});
export type Progress = z.infer<typeof Progress>;

export const ItemSummary = z.object({
  id: z.number().int(),
  /** Absolute path of the file the user added. */
  file: z.string(),
  fileName: z.string(),
  sha256: z.string(),
  sizeBytes: z.number().int(),
  state: ItemState,
  stage: Stage,
  priority: z.number().int(),
  /** Attempts spent on the current stage. */
  attempts: z.number().int(),
  maxAttempts: z.number().int(),
  error: ItemError.nullable(),
  /** Why the item is not moving when its state is `waiting` (or scheduled): shown verbatim. */
  waitReason: z.string().nullable(),
  /** When a `scheduled` / `retry_scheduled` item becomes eligible again (ISO). */
  runAt: z.string().nullable(),
  progress: Progress.nullable(),
  /** When the running stage attempt started (ISO); null unless running. */
  startedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ItemSummary = z.infer<typeof ItemSummary>;

export const eventActors = ['engine', 'user', 'recovery'] as const;
export const EventActor = z.enum(eventActors);
export type EventActor = z.infer<typeof EventActor>;

export const ItemEvent = z.object({
  id: z.number().int(),
  at: z.string(),
  type: z.string(),
  stage: Stage.nullable(),
  actor: EventActor,
  detail: z.string().nullable(),
  error: ItemError.nullable(),
});
export type ItemEvent = z.infer<typeof ItemEvent>;

/** A stretch of speech: times in seconds from the start of the recording. */
export const TranscriptSegment = z.object({ start: z.number(), end: z.number(), text: z.string() });
export type TranscriptSegment = z.infer<typeof TranscriptSegment>;

export const Transcript = z.object({
  /** The segments' text joined with spaces. */
  text: z.string(),
  segments: z.array(TranscriptSegment),
});
export type Transcript = z.infer<typeof Transcript>;

export const memoryKinds = ['todo', 'event', 'fact', 'person'] as const;
export const MemoryKind = z.enum(memoryKinds);
export type MemoryKind = z.infer<typeof MemoryKind>;

/** How often a to-do or event comes back ("every Sunday" is weekly); null when it happens once. */
export const memoryRepeats = ['daily', 'weekly', 'monthly', 'yearly'] as const;
export const MemoryRepeats = z.enum(memoryRepeats);
export type MemoryRepeats = z.infer<typeof MemoryRepeats>;

export const Memory = z.object({
  kind: MemoryKind,
  text: z.string(),
  /** When an event or to-do is due (ISO date-time), resolved against the recording's time; else null. */
  at: z.string().nullable(),
  /**
   * True when only a day was said ("on Friday"): `at` is then the start of that day, local time, and
   * no time of day is shown. False when a time was said, or when there is no date.
   */
  allDay: z.boolean().default(false),
  /** How often it comes back ("every Sunday": weekly, `at` the next time); null when once. */
  repeats: MemoryRepeats.nullable().default(null),
  /** The transcript segment it was found in (seconds from the start), or null when unknown. */
  source: TranscriptSegment.nullable(),
});
export type Memory = z.infer<typeof Memory>;

/**
 * How Lifeline knows when a recording was made: its own metadata (a container's creation time, a
 * Broadcast WAV origination date), the file's modification time, or only the time it was added.
 */
export const recordedFromValues = ['metadata', 'file_time', 'added'] as const;
export const RecordedFrom = z.enum(recordedFromValues);
export type RecordedFrom = z.infer<typeof RecordedFrom>;

export const ItemDetail = ItemSummary.extend({
  storedPath: z.string().nullable(),
  /** When the recording was made (ISO), read at ingest; relative dates said in it resolve against it. */
  recordedAt: z.string(),
  recordedFrom: RecordedFrom,
  events: z.array(ItemEvent),
  /** Null until transcription has stored its first chunk; while it runs, the chunks done so far. */
  transcript: Transcript.nullable(),
  /** The latest extraction's memories, in transcript order (empty until extraction ran). */
  memories: z.array(Memory),
});
export type ItemDetail = z.infer<typeof ItemDetail>;

/** Counts per stage and state; every stage and state is present, zero when empty. */
export const StageStateCounts = z.record(Stage, z.record(ItemState, z.number().int()));
export type StageStateCounts = z.infer<typeof StageStateCounts>;

export const Overview = z.object({
  byStage: StageStateCounts,
  totals: z.record(ItemState, z.number().int()),
  items: z.number().int(),
});
export type Overview = z.infer<typeof Overview>;
