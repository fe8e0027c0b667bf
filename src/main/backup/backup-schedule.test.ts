import type { ScheduledTask } from 'node-cron';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultConfig } from '../config/config';
import { scheduleBackups } from './backup-schedule';

const DAY = 86_400_000;
const tasks: ScheduledTask[] = [];
afterEach(async () => {
  for (const t of tasks.splice(0)) await t.destroy();
});

function next(schedule: typeof defaultConfig.backup.schedule): Date {
  const task = scheduleBackups(schedule, async () => undefined);
  if (!task) throw new Error(`no task for ${schedule}`);
  tasks.push(task);
  return task.getNextRun()!;
}

// README, Backups: "`daily` at 04:00 local by default; `hourly`, `weekly`, `off`" and "the newest
// `backup.keep` (7) are kept"; the setting says "weekly on Sundays at 04:00".
describe('the backup schedule a user has', () => {
  it('is daily at 04:00 local time by default, keeping 7', () => {
    expect(defaultConfig.backup).toMatchObject({ schedule: 'daily', keep: 7 });
    const at = next(defaultConfig.backup.schedule);
    expect([at.getHours(), at.getMinutes()]).toEqual([4, 0]);
    expect(at.getTime() - Date.now()).toBeLessThanOrEqual(DAY);
  });

  it('runs weekly on Sundays at 04:00, hourly within the hour, and not at all when off', () => {
    const weekly = next('weekly');
    expect([weekly.getDay(), weekly.getHours(), weekly.getMinutes()]).toEqual([0, 4, 0]);
    expect(next('hourly').getTime() - Date.now()).toBeLessThanOrEqual(3_600_000);
    expect(scheduleBackups('off', async () => undefined)).toBeNull();
  });
});
