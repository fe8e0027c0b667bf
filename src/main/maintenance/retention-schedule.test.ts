import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dataPaths } from '../config/data-dir';
import { createLogger } from '../log/logger';
import { openStore, type Store } from '../store/store';
import { tempDir } from '../../../test/support/temp-dir';
import { retentionCron, scheduleRetention, type RetentionSchedule } from './retention-schedule';

const DAY = 86_400_000;
const open: { store?: Store; schedule?: RetentionSchedule }[] = [];
afterEach(() => {
  for (const o of open.splice(0)) {
    o.schedule?.stop();
    o.store?.close();
  }
});

describe('retention schedule (node-cron)', () => {
  it('runs nightly at 03:30 local time', () => {
    const schedule = scheduleRetention(() => ({}), createLogger(null, 'test'));
    open.push({ schedule });
    expect(schedule.task.getPattern()).toBe(retentionCron);
    const next = schedule.task.getNextRun()!;
    expect([next.getHours(), next.getMinutes()]).toEqual([3, 30]);
    expect(next.getTime() - Date.now()).toBeLessThanOrEqual(DAY);
  });

  it('a run removes what is older than the retention period from a real store and keeps the rest', async () => {
    const store = openStore(dataPaths(path.join(tempDir(), 'data')));
    const now = Date.now();
    const add = store.db.prepare(
      `INSERT INTO service_events (at, service, type, actor, detail) VALUES (?, 'asr', 'opened', 'engine', NULL)`,
    );
    add.run(now - 40 * DAY);
    add.run(now - 1 * DAY);
    const schedule = scheduleRetention(() => store.maintenance.cleanup(now - 30 * DAY), createLogger(null, 'test'));
    open.push({ store, schedule });
    await schedule.task.execute();
    const left = store.db.prepare(`SELECT at FROM service_events`).pluck().all();
    expect(left).toEqual([now - 1 * DAY]);
  });

  it('a failing cleanup is logged, never thrown into the scheduler', async () => {
    const lines: string[] = [];
    const log = createLogger(null, 'test');
    log.warn = ((obj: unknown, msg: string) => void lines.push(msg)) as typeof log.warn;
    const schedule = scheduleRetention(() => {
      throw new Error('SQLITE_FULL');
    }, log);
    open.push({ schedule });
    await expect(schedule.task.execute()).resolves.toBeUndefined();
    expect(lines).toEqual(['retention cleanup failed']);
  });
});
