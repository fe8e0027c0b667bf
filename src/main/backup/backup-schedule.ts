import { createTask, type ScheduledTask } from 'node-cron';
import type { BackupConfig } from '../config/config';

/** When each schedule runs, local time: at 04:00, after the 03:30 retention cleanup. */
export const backupCron: Record<Exclude<BackupConfig['schedule'], 'off'>, string> = {
  hourly: '7 * * * *',
  daily: '0 4 * * *',
  weekly: '0 4 * * 0',
};

/**
 * Runs `take` on the chosen schedule in the process that runs the engine; null for 'off'. A run
 * missed while the machine slept is not made up: the next one covers it.
 */
export function scheduleBackups(
  schedule: BackupConfig['schedule'],
  take: () => Promise<unknown>,
): ScheduledTask | null {
  if (schedule === 'off') return null;
  const task = createTask(backupCron[schedule], take, {
    name: 'backup',
    noOverlap: true,
    suppressMissedWarning: true,
    unref: true,
  });
  void task.start();
  return task;
}
