import { createTask, type ScheduledTask } from 'node-cron';
import type { Logger } from '../log/logger';

/** Every night at 03:30 local time: when a laptop is most likely idle (or asleep: then it is skipped). */
export const retentionCron = '30 3 * * *';

export interface RetentionSchedule {
  /** The node-cron task (tests and `execute()` run it now). */
  readonly task: ScheduledTask;
  stop(): void;
}

/**
 * Runs the retention cleanup (`maintenance:cleanup`: routine events of long-done items, old service
 * events, recovery rows and health results) on a cron schedule in the process that runs the engine.
 * A missed run (the machine slept through 03:30) is not made up: the next night's run covers it.
 * The cleanup is one short IMMEDIATE transaction; its counts go to the log.
 */
export function scheduleRetention(cleanup: () => unknown, log: Logger): RetentionSchedule {
  const task = createTask(
    retentionCron,
    async () => {
      try {
        log.info({ removed: await cleanup() }, 'retention cleanup done');
      } catch (err: unknown) {
        // Never thrown into the scheduler: a busy or full store is retried tomorrow.
        log.warn({ err }, 'retention cleanup failed');
      }
    },
    { name: 'retention-cleanup', noOverlap: true, suppressMissedWarning: true, unref: true },
  );
  void task.start();
  return {
    task,
    stop: () => void task.destroy(),
  };
}
