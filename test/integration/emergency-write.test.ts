import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { transientError } from '../../src/main/engine/stage-error';
import type { StageHandler } from '../../src/main/engine/stage-handler';
import { systemClock } from '../../src/main/time/clock';
import { clockedEngine } from '../support/clocked-engine';
import { tempDir } from '../support/temp-dir';
import { waitFor } from '../support/wait-for';
import { testItem } from '../support/lifeline-calls';
import { stopEnginesAfterEach } from '../support/close-after-each';

const engines = stopEnginesAfterEach();

const flaky: StageHandler = {
  stage: 'ingest',
  availability: () => ({ ok: true }),
  run: async (ctx) => {
    if (ctx.item.fileName.startsWith('flaky')) throw transientError('IO_EBUSY', 'the device was busy');
    return 'ok';
  },
};

const add = (f: ReturnType<typeof clockedEngine>, name: string) => f.engine.queue.add(testItem(name)).itemId;

describe('the emergency path', () => {
  it('records a failure whose normal write failed with a minimal write retried on its own, and the engine keeps running', async () => {
    const f = clockedEngine(path.join(tempDir(), 'data'), {
      clock: systemClock,
      stages: () => [flaky],
      config: (c) => {
        c.emergencyWriteBaseMs = 30;
        c.emergencyWriteAttempts = 12;
        c.stages.ingest.backoff = { baseMs: 60_000, capMs: 60_000 };
      },
    });
    engines.track(f);
    // The disk is full for retry writes: both the normal write and the minimal one fail, for a while.
    f.store.db.exec(`
      CREATE TRIGGER full_events BEFORE INSERT ON events WHEN NEW.type = 'retry_scheduled' BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END;
      CREATE TRIGGER full_jobs BEFORE UPDATE OF state ON jobs WHEN NEW.state = 'retry_scheduled' BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END;
    `);
    const flakyId = add(f, 'flaky.wav');
    f.engine.start();
    await waitFor('the first try to fail', () =>
      f.store.reads.detail(flakyId)!.events.some((e) => e.type === 'started'),
    );
    await new Promise((r) => setTimeout(r, 150));
    expect(f.store.reads.summary(flakyId)!.state).toBe('running');

    // Meanwhile the engine keeps working.
    const other = add(f, 'memo.wav');
    f.engine.wake();
    await waitFor('another item to pass', () => f.store.reads.summary(other)!.state === 'done');
    expect(f.engine.isRunning).toBe(true);

    // Space comes back: the emergency write goes through on one of its own retries.
    f.store.db.exec(`DROP TRIGGER full_events; DROP TRIGGER full_jobs;`);
    const s = await waitFor('the failure to be recorded', () => {
      const x = f.store.reads.summary(flakyId)!;
      return x.state === 'retry_scheduled' && x;
    });
    expect(s.error).toEqual({ code: 'IO_EBUSY', message: 'the device was busy' });
    expect(f.engine.queue.leases.all()).toEqual([]);
    const events = f.store.reads.detail(flakyId)!.events;
    const last = events.at(-1)!;
    expect(last.type).toBe('emergency_write');
    expect(last.detail).toMatch(/recorded by the emergency path after \d+ tries/);
    // The audit row of the failure itself is there too, not only the note.
    expect(events.at(-2)).toMatchObject({ type: 'retry_scheduled', error: { code: 'IO_EBUSY' } });
  });

  it('writes the audit rows of a disk-full outage once the disk is back, after the transition itself went through', async () => {
    const f = clockedEngine(path.join(tempDir(), 'data'), {
      clock: systemClock,
      stages: () => [flaky],
      config: (c) => {
        c.emergencyWriteBaseMs = 30;
        c.stages.ingest.backoff = { baseMs: 60_000, capMs: 60_000 };
      },
    });
    engines.track(f);
    // Events cannot be written (the disk is full for them); the job row's own update still fits.
    f.store.db
      .exec(`CREATE TRIGGER full_events BEFORE INSERT ON events WHEN NEW.type IN ('retry_scheduled', 'emergency_write')
                     BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END;`);
    const flakyId = add(f, 'flaky.wav');
    f.engine.start();
    await waitFor(
      'the failure to be recorded by the emergency path',
      () => f.store.reads.summary(flakyId)!.state === 'retry_scheduled',
    );
    await new Promise((r) => setTimeout(r, 300));
    expect(f.store.reads.detail(flakyId)!.events.map((e) => e.type)).toEqual(['added', 'started']);

    f.store.db.exec(`DROP TRIGGER full_events;`);
    const events = await waitFor(
      'the owed audit rows to be written',
      () => {
        const e = f.store.reads.detail(flakyId)!.events;
        return e.length === 4 && e;
      },
      20_000,
    );
    expect(events.map((e) => e.type)).toEqual(['added', 'started', 'retry_scheduled', 'emergency_write']);
    expect(events[2]).toMatchObject({ error: { code: 'IO_EBUSY' }, actor: 'engine' });
  });
});
