import { z } from 'zod';
import { channel } from './define';
import { Memory, MemoryKind } from './model';

/** A memory with the recording it came from: what the Memories screen and `lifeline memories` list. */
export const MemoryEntry = Memory.extend({
  /** Stable until the item's memories are extracted again (a re-run replaces them). */
  id: z.number().int(),
  itemId: z.number().int(),
  fileName: z.string(),
  /** When the recording was added (ISO): relative dates in `at` were resolved against it. */
  recordedAt: z.string(),
});
export type MemoryEntry = z.infer<typeof MemoryEntry>;

export const MemoriesPage = z.object({
  /** Newest recordings first; within one recording, in transcript order. */
  memories: z.array(MemoryEntry),
  /** Pass back as `cursor` for the next page; null on the last page. */
  nextCursor: z.string().nullable(),
  /** How many memories match the filter in all (discarded items' memories are left out). */
  total: z.number().int(),
});
export type MemoriesPage = z.infer<typeof MemoriesPage>;

export const memoriesChannels = {
  'memories:list': channel(
    z.object({
      kind: MemoryKind.optional(),
      cursor: z.string().max(64).optional(),
      limit: z.number().int().min(1).max(500).default(50),
    }),
    MemoriesPage,
    'Memories of every item, newest recordings first, optionally of one kind, a page at a time.',
  ),
};
