import { z } from 'zod';
import { channel, writeChannel } from './define';

export const upcomingBucketNames = ['overdue', 'today', 'week', 'later', 'undated'] as const;
export const UpcomingBucketName = z.enum(upcomingBucketNames);
export type UpcomingBucketName = z.infer<typeof UpcomingBucketName>;

/** A to-do or an event, placed by its date. */
export const UpcomingEntry = z.object({
  /** The memory's id: what `upcoming:setDone` and `lifeline done` take (it changes when the item is extracted again). */
  memoryId: z.number().int(),
  itemId: z.number().int(),
  fileName: z.string(),
  kind: z.enum(['todo', 'event']),
  text: z.string(),
  /** When it is due (ISO), as the memory has it, or null. */
  at: z.string().nullable(),
  /** A date said without a time: show the day only. */
  allDay: z.boolean(),
  /** Its calendar day (YYYY-MM-DD, the machine's time zone), or null when undated. */
  day: z.string().nullable(),
  /** Seconds into the recording where it was said, or null when unknown. */
  start: z.number().nullable(),
  done: z.boolean(),
  /** When it was ticked Done (ISO), or null. */
  doneAt: z.string().nullable(),
});
export type UpcomingEntry = z.infer<typeof UpcomingEntry>;

export const UpcomingGroup = z.object({
  bucket: UpcomingBucketName,
  /** Soonest first (undated: newest recordings first), at most the request's `limit`. */
  entries: z.array(UpcomingEntry),
  /** How many belong in this group in all. */
  total: z.number().int(),
});
export type UpcomingGroup = z.infer<typeof UpcomingGroup>;

export const UpcomingList = z.object({
  /** The day the groups were made for (YYYY-MM-DD, the machine's time zone). */
  today: z.string(),
  /** Every group, in this order: overdue, today, week (the six days after today), later, undated. */
  groups: z.array(UpcomingGroup),
});
export type UpcomingList = z.infer<typeof UpcomingList>;

export const upcomingChannels = {
  'upcoming:list': channel(
    z.object({ limit: z.number().int().min(1).max(1000).default(200) }),
    UpcomingList,
    'To-dos and events by date: overdue, today, this week, later, and undated to-dos, each with its Done tick.',
  ),
  'upcoming:setDone': writeChannel(
    z.object({
      memoryId: z.number().int().positive(),
      done: z.boolean(),
      /**
       * The entry as the page showed it (its item and words). Extract again replaces an item's memories
       * and their ids; with this the tick still goes to what the user saw instead of NOT_FOUND or
       * whichever memory has the id now.
       */
      shown: z.object({ itemId: z.number().int().positive(), text: z.string().min(1) }).optional(),
    }),
    z.object({ memoryId: z.number().int(), done: z.boolean(), doneAt: z.string().nullable() }),
    'Ticks a to-do or event Done (or not); the tick is kept for the same words of the same recording when it is extracted again.',
  ),
};
