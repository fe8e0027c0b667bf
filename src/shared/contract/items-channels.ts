import { z } from 'zod';
import { channel, writeChannel } from './define';
import { ItemDetail, ItemState, ItemSummary, Progress, Stage } from './model';

const ItemIdNumber = z.number().int().positive();
const ItemId = z.object({ id: ItemIdNumber });

/**
 * Which items a list, a count or a bulk action is about. Without `state`, discarded items are left
 * out (they only appear when asked for by state).
 */
export const ItemsFilter = z.object({
  state: ItemState.optional(),
  stage: Stage.optional(),
  /** Part of the file name, any case; `%` and `_` are plain characters. */
  q: z.string().trim().max(200).optional(),
  /** Only items whose error has this code (dead letters grouped by reason). */
  errorCode: z.string().min(1).max(100).optional(),
});
export type ItemsFilter = z.infer<typeof ItemsFilter>;

export const itemSortKeys = ['age', 'priority'] as const;
export const ItemSortKey = z.enum(itemSortKeys);
export type ItemSortKey = z.infer<typeof ItemSortKey>;
export const SortDirection = z.enum(['desc', 'asc']);
export type SortDirection = z.infer<typeof SortDirection>;

export const ItemsPage = z.object({
  items: z.array(ItemSummary),
  /** Pass back as `cursor` (with the same filter and sort) for the next page; null at the end. */
  nextCursor: z.string().nullable(),
});
export type ItemsPage = z.infer<typeof ItemsPage>;

export const AddedFile = z.object({ id: z.number().int(), file: z.string() });
export const AddFilesResult = z.object({
  added: z.array(AddedFile),
  /** Files whose audio (by SHA-256) is already an item: nothing new was created. */
  duplicates: z.array(AddedFile),
  /** Files that could not be read, or are not audio (code NOT_AUDIO); nothing was stored for them. */
  rejected: z.array(z.object({ file: z.string(), code: z.string(), message: z.string() })),
});
export type AddFilesResult = z.infer<typeof AddFilesResult>;

export const bulkActions = ['retry', 'cancel', 'discard'] as const;
export const BulkAction = z.enum(bulkActions);
export type BulkAction = z.infer<typeof BulkAction>;

/** Items named one by one, or every item matching a filter at the time the action runs. */
export const BulkTarget = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('ids'), ids: z.array(ItemIdNumber).min(1).max(10_000) }),
  z.object({
    kind: z.literal('filter'),
    filter: ItemsFilter,
    /** Matching items to leave alone (unticked after "select all matching"). */
    except: z.array(ItemIdNumber).max(10_000).optional(),
  }),
]);
export type BulkTarget = z.infer<typeof BulkTarget>;

export const BulkResult = z.object({
  action: BulkAction,
  /** Items the action changed. */
  changed: z.number().int(),
  /** Items it did not apply to, by their state (e.g. Retry on an item that is already queued). */
  skipped: z.number().int(),
  skippedByState: z.partialRecord(ItemState, z.number().int()),
  /** Ids that name no item. */
  notFound: z.number().int(),
});
export type BulkResult = z.infer<typeof BulkResult>;

/** Stages a finished item can be run again from ("Transcribe again", "Extract again"). */
export const rerunStages = ['transcribe', 'extract'] as const;
export const RerunStage = z.enum(rerunStages);
export type RerunStage = z.infer<typeof RerunStage>;

export const RerunResult = BulkResult.omit({ action: true });
export type RerunResult = z.infer<typeof RerunResult>;

export const ErrorGroup = z.object({
  code: z.string(),
  count: z.number().int(),
  /** Stages where items with this error stopped. */
  stages: z.array(Stage),
  /** The newest item's message, as an example. */
  example: z.string(),
  /** When the newest of them failed (ISO). */
  lastAt: z.string(),
});
export type ErrorGroup = z.infer<typeof ErrorGroup>;

export const itemsChannels = {
  'items:list': channel(
    ItemsFilter.extend({
      /** `age` orders by when the item was added; `priority` by priority, then age. Default newest first. */
      sort: ItemSortKey.default('age'),
      direction: SortDirection.default('desc'),
      cursor: z.string().max(100).optional(),
      /** Start this many rows in (for a scroll bar dragged far down); later pages use `nextCursor`. */
      offset: z.number().int().min(0).max(10_000_000).optional(),
      limit: z.number().int().min(1).max(500).default(100),
    }),
    ItemsPage,
    'Items filtered by state, stage, error code and file name, sorted by age or priority, one page at a time.',
  ),
  'items:count': channel(ItemsFilter, z.object({ count: z.number().int() }), 'How many items match a filter.'),
  'items:get': channel(ItemId, ItemDetail, 'One item with its full event timeline.'),
  'items:progress': channel(
    z.object({}),
    z.array(z.object({ id: z.number().int(), progress: Progress })),
    "Every running item's latest progress as the engine last heard it: reports are pushed once and stored only with the next heartbeat, so a page opened between the two asks here.",
  ),
  'items:add': writeChannel(
    z.object({
      paths: z.array(z.string().min(1)).min(1),
      priority: z.number().int().min(-100).max(100).default(0),
    }),
    AddFilesResult,
    'Adds audio files by path; the same audio twice yields one item.',
  ),
  'items:retry': writeChannel(ItemId, ItemSummary, 'Requeues a dead or cancelled item at the stage where it stopped.'),
  'items:retryAllDead': writeChannel(
    z.object({}),
    z.object({ count: z.number().int() }),
    'Requeues every dead letter.',
  ),
  'items:discard': writeChannel(
    ItemId,
    ItemSummary,
    'Removes an item from lists and dead letters (its history is kept).',
  ),
  'items:cancel': writeChannel(ItemId, ItemSummary, 'Stops an item; a running stage is told to stop.'),
  'items:bulk': writeChannel(
    z.object({ action: BulkAction, target: BulkTarget }),
    BulkResult,
    'Retry, cancel or discard many items at once: by id, or all matching a filter.',
  ),
  'items:rerun': writeChannel(
    z.object({ target: BulkTarget, from: RerunStage }),
    RerunResult,
    'Runs done items again from a stage; their old transcript and memories stay until the new run has succeeded, then are replaced at once.',
  ),
  'items:errorGroups': channel(
    z.object({ state: ItemState.default('dead') }),
    z.object({ groups: z.array(ErrorGroup) }),
    'Items in a state (dead letters by default) grouped by error code, largest group first.',
  ),
};
