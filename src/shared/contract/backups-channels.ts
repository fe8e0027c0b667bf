import { z } from 'zod';
import { channel } from './define';

export const BackupInfo = z.object({
  name: z.string(),
  /** When it was taken (ISO). */
  at: z.string(),
  reason: z.enum(['scheduled', 'manual', 'before-migration']),
  bytes: z.number().int(),
});
export type BackupInfo = z.infer<typeof BackupInfo>;

export const BackupsList = z.object({
  /** Where backups are kept (`<data dir>/backups`). */
  dir: z.string(),
  schedule: z.enum(['hourly', 'daily', 'weekly', 'off']),
  keep: z.number().int(),
  /** Newest first. */
  backups: z.array(BackupInfo),
  /** The backup a restart will put back, or null. */
  pendingRestore: z.string().nullable(),
});
export type BackupsList = z.infer<typeof BackupsList>;

export const DoctorCheckInfo = z.object({
  name: z.enum(['store', 'wal', 'audio', 'permissions', 'backups']),
  status: z.enum(['ok', 'warn', 'fail']),
  message: z.string(),
});
export type DoctorCheckInfo = z.infer<typeof DoctorCheckInfo>;

export const backupsChannels = {
  'backups:list': channel(
    z.object({}),
    BackupsList,
    'Backups of the store, newest first, with the schedule and how many are kept.',
  ),
  'backups:create': channel(
    z.object({}),
    BackupInfo,
    'Backs the store up now (online, verified with an integrity check); the oldest beyond the kept number go.',
  ),
  'backups:restoreAtRestart': channel(
    z.object({ name: z.string().min(1).max(255) }),
    z.object({ name: z.string(), message: z.string() }),
    'Chooses a backup to put in place of the store at the next start (the running engine has the store open).',
  ),
  'backups:doctor': channel(
    z.object({}),
    z.object({ checks: z.array(DoctorCheckInfo) }),
    'Checks the store: integrity, write-ahead log, orphaned audio, permissions, backups.',
  ),
};
