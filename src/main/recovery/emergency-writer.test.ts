import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeItem, queueFixture } from '../../../test/support/queue-fixture';
import { tempDir } from '../../../test/support/temp-dir';
import { defaultConfig } from '../config/config';
import { createLogger } from '../log/logger';
import type { RunOutcome } from '../queue/queue';
import type { Store } from '../store/store';
import { EmergencyWriter } from './emergency-writer';

const opened: Store[] = [];
afterEach(() => {
  for (const s of opened.splice(0)) s.close();
});

const failed: RunOutcome = {
  kind: 'failed',
  failure: { code: 'IO_EBUSY', message: 'the device was busy', permanent: false },
};

/**
 * One running job on a real store whose normal failure write failed, and the emergency writer with
 * the user's defaults (8 tries, 100 ms doubling); `tries` records when the minimal write was tried.
 */
function setUp() {
  const f = queueFixture(path.join(tempDir(), 'data'));
  opened.push(f.store);
  const { itemId } = f.queue.add(fakeItem());
  const job = f.queue.claim('ingest', 'engine-1')!;
  const tries: number[] = [];
  const minimal = f.queue.finishMinimal.bind(f.queue);
  f.queue.finishMinimal = (j, o) => {
    tries.push(f.clock.monotonic());
    return minimal(j, o);
  };
  let written = 0;
  const writer = new EmergencyWriter({
    queue: f.queue,
    clock: f.clock,
    log: createLogger(null, 'test'),
    settings: () => ({ attempts: defaultConfig.emergencyWriteAttempts, baseMs: defaultConfig.emergencyWriteBaseMs }),
    onWritten: () => written++,
  });
  const state = () => f.store.reads.summary(itemId)!.state;
  const events = () => f.store.reads.detail(itemId)!.events.map((e) => e.type);
  return { ...f, itemId, job, tries, writer, state, events, written: () => written };
}

/** The disk is full for the job's move to retry_scheduled (its row) and for events of these types. */
const fullFor = (store: Store, jobs: boolean, events: string[]) =>
  store.db.exec(`
    ${jobs ? `CREATE TRIGGER full_jobs BEFORE UPDATE OF state ON jobs WHEN NEW.state = 'retry_scheduled' BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END;` : ''}
    CREATE TRIGGER full_events BEFORE INSERT ON events WHEN NEW.type IN (${events.map((t) => `'${t}'`).join(', ')})
      BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END;`);

describe('the emergency writer', () => {
  it('retries the minimal write after 100 ms, doubling, and records the run at the first try the disk takes', async () => {
    const f = setUp();
    fullFor(f.store, true, ['retry_scheduled']);
    f.writer.record(f.job, failed, Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' }));
    expect(f.tries).toEqual([0]);
    f.clock.advance(299);
    expect(f.tries).toEqual([0, 100]);
    expect(f.state()).toBe('running');

    f.store.db.exec('DROP TRIGGER full_jobs; DROP TRIGGER full_events;');
    f.clock.advance(1);
    expect(f.tries).toEqual([0, 100, 300]);
    expect(f.state()).toBe('retry_scheduled');
    expect(f.written()).toBe(1);
    expect(f.writer.pending).toBe(0);
    const last = f.store.reads.detail(f.itemId)!.events.at(-1)!;
    expect(last).toMatchObject({ type: 'emergency_write' });
    expect(last.detail).toMatch(/the normal write failed \(SQLITE_FULL\).*after 3 tries/);
  });

  it('gives up after 8 tries (12.7 s), leaving the job running for the stuck scan to recover when its lease expires', () => {
    const f = setUp();
    fullFor(f.store, true, ['retry_scheduled']);
    f.writer.record(f.job, failed, new Error('database or disk is full'));
    f.clock.advance(60_000);
    expect(f.tries).toEqual([0, 100, 300, 700, 1_500, 3_100, 6_300, 12_700]);
    expect(f.writer.pending).toBe(0);
    expect(f.state()).toBe('running');
    expect(f.written()).toBe(0);
    expect(f.clock.countTimers()).toBe(0);
  });

  it('writes the owed audit rows once the disk takes events again, retrying every 5 s at most', () => {
    const f = setUp();
    fullFor(f.store, false, ['retry_scheduled', 'emergency_write']);
    f.writer.record(f.job, failed, new Error('database or disk is full'));
    // The transition itself fitted at once; its audit rows wait.
    expect(f.state()).toBe('retry_scheduled');
    expect(f.tries).toEqual([0]);
    expect(f.writer.owedEvents).toBe(2);

    // Audit retries at 100, 300, 700, 1 500, 3 100, 6 300 ms, then every 5 s: 11 300, 16 300, 21 300…
    f.clock.advance(20_000);
    expect(f.writer.owedEvents).toBe(2);
    expect(f.events()).toEqual(['added', 'started']);
    f.store.db.exec('DROP TRIGGER full_events;');
    f.clock.advance(1_299);
    expect(f.writer.owedEvents).toBe(2);
    f.clock.advance(1);
    expect(f.writer.owedEvents).toBe(0);
    expect(f.events()).toEqual(['added', 'started', 'retry_scheduled', 'emergency_write']);
    // Each row keeps its own time: the failure's, not the time the disk came back.
    expect(f.store.reads.detail(f.itemId)!.events[2]!.at).toBe(new Date(Date.UTC(2026, 0, 1)).toISOString());
    expect(f.clock.countTimers()).toBe(0);
  });

  it('leaves a job recovered before its retry to the recovery: the retry is refused, nothing is written', () => {
    const f = setUp();
    fullFor(f.store, true, ['retry_scheduled']);
    f.writer.record(f.job, failed, new Error('database or disk is full'));
    f.store.db.exec('DROP TRIGGER full_jobs; DROP TRIGGER full_events;');
    // Recovered (another token) before the retry.
    f.queue.release(f.job, 'recovered by the stuck scan');
    f.clock.advance(100);
    expect(f.tries).toEqual([0, 100]);
    expect(f.state()).toBe('queued');
    expect(f.written()).toBe(0);
  });

  it('stops with no retry left pending', () => {
    const f = setUp();
    fullFor(f.store, true, ['retry_scheduled']);
    f.writer.record(f.job, failed, new Error('database or disk is full'));
    expect(f.clock.countTimers()).toBe(1);
    f.writer.stop();
    expect(f.clock.countTimers()).toBe(0);
    f.clock.advance(60_000);
    expect(f.tries).toEqual([0]);
  });
});
