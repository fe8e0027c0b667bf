import { z } from 'zod';
import { channel } from './define';
import { ItemDetail, ItemState, ItemSummary, Stage } from './model';

const ItemId = z.object({ id: z.number().int().positive() });

export const ItemsPage = z.object({
  items: z.array(ItemSummary),
  /** Pass back as `cursor` for the next page; null at the end. */
  nextCursor: z.string().nullable(),
});
export type ItemsPage = z.infer<typeof ItemsPage>;

export const AddFilesResult = z.object({
  added: z.array(z.object({ id: z.number().int(), file: z.string() })),
  /** Files whose audio (by SHA-256) is already an item: nothing new was created. */
  duplicates: z.array(z.object({ id: z.number().int(), file: z.string() })),
  /** Files that could not be read at all; nothing was stored for them. */
  rejected: z.array(z.object({ file: z.string(), code: z.string(), message: z.string() })),
});
export type AddFilesResult = z.infer<typeof AddFilesResult>;

export const itemsChannels = {
  'items:list': channel(
    z.object({
      state: ItemState.optional(),
      stage: Stage.optional(),
      cursor: z.string().optional(),
      limit: z.number().int().min(1).max(500).default(100),
    }),
    ItemsPage,
    'Items newest first, filtered by state and stage, one page at a time.',
  ),
  'items:get': channel(ItemId, ItemDetail, 'One item with its full event timeline.'),
  'items:add': channel(
    z.object({
      paths: z.array(z.string().min(1)).min(1),
      priority: z.number().int().min(-100).max(100).default(0),
    }),
    AddFilesResult,
    'Adds audio files by path; the same audio twice yields one item.',
  ),
  'items:retry': channel(ItemId, ItemSummary, 'Requeues a dead or cancelled item at the stage where it stopped.'),
  'items:retryAllDead': channel(z.object({}), z.object({ count: z.number().int() }), 'Requeues every dead letter.'),
  'items:discard': channel(ItemId, ItemSummary, 'Removes an item from lists and dead letters (its history is kept).'),
  'items:cancel': channel(ItemId, ItemSummary, 'Stops an item; a running stage is told to stop.'),
};
