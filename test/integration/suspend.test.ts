import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { StageHandler } from '../../src/main/engine/stage-handler';
import { resumeNoteWaitMs } from '../../src/main/recovery/recovery-manager';
import { FakeClock } from '../../src/main/time/clock';
import { clockedEngine } from '../support/clocked-engine';
import { tempDir } from '../support/temp-dir';
import { testItem } from '../support/lifeline-calls';
import { waitFor } from '../support/wait-for';
import { stopEnginesAfterEach } from '../support/close-after-each';

const HOUR = 3_600_000;
const engines = stopEnginesAfterEach();

/** A stage that works until the test lets it finish. */
function heldStage(): { stage: StageHandler; finish(): void } {
  let finish = () => {};
  return {
    stage: {
      stage: 'ingest',
      availability: () => ({ ok: true }),
      run: (ctx) =>
        new Promise((resolve, reject) => {
          ctx.progress({ step: 'listen', percent: 40, message: null });
          finish = () => resolve('finished');
          ctx.signal.addEventListener('abort', () => reject(new Error('aborted')));
        }),
    },
    finish: () => finish(),
  };
}

function setUp(clock: FakeClock) {
  const held = heldStage();
  const f = clockedEngine(path.join(tempDir(), 'data'), {
    clock,
    stages: () => [held.stage],
    config: (c) => {
      // No heartbeat and no timed scan during the test: the scans are the test's own (the engine's
      // timers run on the fake clock, so the timed scan must wait longer than the hour it is moved).
      c.heartbeatMs = 10 * 60_000;
      c.stuckScanMs = 24 * HOUR;
      for (const s of Object.values(c.stages)) {
        s.leaseMs = 20 * 60_000;
        s.maxDurationMs = 30 * 60_000;
      }
      c.progressStallMs = 25 * 60_000;
    },
  });
  engines.track(f);
  const id = f.engine.queue.add(testItem('a.wav')).itemId;
  f.engine.start();
  return { f, id, held };
}

/** An engine on a fake clock whose one job is running in its held stage. */
async function runningJob() {
  const clock = new FakeClock();
  const { f, id, held } = setUp(clock);
  await waitFor('the job to run', () => f.engine.queue.leases.all().length === 1);
  return { clock, f, id, held };
}

describe('sleep is not a stall', () => {
  it('extends leases instead of recovering when the wall clock jumps an hour ahead of the monotonic clock', async () => {
    const { clock, f, id, held } = await runningJob();
    expect(f.engine.scanStuck()).toEqual([]);
    clock.advance(5_000);
    clock.jumpWall(HOUR);

    // In wall time the lease expired 40 minutes ago and the job ran past its limit and stalled.
    expect(f.engine.scanStuck()).toEqual([]);
    const lease = f.engine.queue.leases.all()[0]!;
    expect(lease.expiresAt).toBeGreaterThan(clock.now());
    expect(clock.now() - lease.acquiredAt).toBe(5_000);
    clock.advance(5_000);
    expect(f.engine.scanStuck()).toEqual([]);
    expect(f.store.recoveryLog.forItem(id)).toEqual([]);
    expect(f.store.serviceEvents.recent(5, 'engine')[0]).toMatchObject({ type: 'suspend_detected' });

    held.finish();
    await waitFor('the job to finish', () => f.store.reads.summary(id)!.state === 'done');
    expect(f.store.reads.detail(id)!.events.map((e) => e.type)).toEqual(['added', 'started', 'succeeded']);
  });

  it('extends leases when the shell reports a resume, even where the monotonic clock kept running', async () => {
    const { clock, f, id } = await runningJob();
    f.engine.scanStuck();
    f.engine.noteSuspend();
    clock.advance(HOUR);
    f.engine.noteResume();
    expect(f.engine.scanStuck()).toEqual([]);
    expect(f.store.reads.summary(id)!.state).toBe('running');
  });

  it('recovers nothing in a scan that runs on waking before the resume note arrives', async () => {
    const { clock, f, id } = await runningJob();
    f.engine.scanStuck();
    f.engine.noteSuspend();
    clock.advance(HOUR); // both clocks ran on through the sleep: no jump to see
    expect(f.engine.scanStuck()).toEqual([]);
    expect(f.store.reads.summary(id)!.state).toBe('running');
    f.engine.noteResume();
    expect(f.engine.scanStuck()).toEqual([]);
    expect(f.store.reads.summary(id)!.state).toBe('running');
  });

  it('assumes the resume when its note never comes, extending the leases instead of recovering', async () => {
    const { clock, f, id } = await runningJob();
    f.engine.scanStuck();
    f.engine.noteSuspend();
    clock.advance(HOUR);
    expect(f.engine.scanStuck()).toEqual([]);
    clock.advance(resumeNoteWaitMs);
    expect(f.engine.scanStuck()).toEqual([]);
    expect(f.store.reads.summary(id)!.state).toBe('running');
    expect(f.store.serviceEvents.recent(5, 'engine')[0]).toMatchObject({
      type: 'suspend_detected',
      detail: expect.stringMatching(/^the machine woke up \(3660 s\)/),
    });
    // Scans work again: time that really passes after the wake is a stall.
    clock.advance(HOUR);
    expect(f.engine.scanStuck()).toMatchObject([{ itemId: id, rule: 'lease_expired' }]);
  });

  it('does recover the same job when the time really passed on both clocks (the control case)', async () => {
    const { clock, f, id } = await runningJob();
    f.engine.scanStuck();
    clock.advance(HOUR);
    expect(f.engine.scanStuck()).toMatchObject([
      { itemId: id, rule: 'lease_expired', strategy: 'restart', result: 'requeued' },
    ]);
  });
});
