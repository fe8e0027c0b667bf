import { z } from 'zod';
import { channel } from './define';

/** The watch folder: every recording that appears in it (and stops growing) is added as an item. */
export const WatchFolderStatus = z.object({
  path: z.string(),
  /** `missing`: the folder does not exist (or cannot be read); nothing is added until it does. */
  state: z.enum(['watching', 'missing']),
  /** Why it is missing, readable; null while watching. */
  problem: z.string().nullable(),
  /** When the folder was last looked at (ISO), or null before the first look. */
  lastScanAt: z.string().nullable(),
  /** Files added as items, files whose audio was already an item, files that could not be read. */
  added: z.number().int(),
  duplicates: z.number().int(),
  rejected: z.number().int(),
  /** Files seen but still being written (their size changed since the last look). */
  settling: z.number().int(),
});
export type WatchFolderStatus = z.infer<typeof WatchFolderStatus>;

export const intakeChannels = {
  'intake:status': channel(
    z.object({}),
    z.object({ watchFolder: WatchFolderStatus.nullable() }),
    'How audio gets in without a click: the watch folder, if one is set.',
  ),
};
