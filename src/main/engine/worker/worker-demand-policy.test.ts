import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../config/config';
import { FakeClock } from '../../time/clock';
import {
  idleToStop,
  placeJob,
  replaceAfterIdleMs,
  roomFor,
  startDelayMs,
  type DemandWorker,
} from './worker-demand-policy';

const size = defaultConfig.workers;
const now = 60_000;
const allowed = { size, startsAllowed: true, now, stageCount: 4 };
const idle = (stage: DemandWorker['stage'], since: number): DemandWorker => ({
  stage,
  state: 'idle',
  free: true,
  idleSince: since,
});
const busy = (stage: DemandWorker['stage']): DemandWorker => ({ stage, state: 'busy', free: false, idleSince: null });

describe('when the pool starts and stops workers', () => {
  it('starts no worker before a job needs one, then one for the stage of that job', () => {
    expect(roomFor([], 'transcribe', allowed)).toBe(size);
    expect(placeJob([], 'transcribe', allowed)).toEqual({ kind: 'start' });
  });

  it('hands a job to an idle worker of its stage, the one idle the shortest time, so the others can exit', () => {
    const older = idle('ingest', 0);
    const newer = idle('ingest', 5_000);
    expect(placeJob([older, newer, idle('extract', 9_000)], 'ingest', allowed)).toEqual({ kind: 'use', worker: newer });
  });

  it('never hands a job to a worker of another stage: it starts one of the right stage, or replaces the longest-idle other one when the pool is full', () => {
    const ingest = idle('ingest', 1_000);
    expect(placeJob([ingest], 'transcribe', allowed)).toEqual({ kind: 'start' });
    const full = [busy('transcribe'), busy('transcribe'), idle('extract', 3_000), ingest];
    expect(placeJob(full, 'transcribe', allowed)).toEqual({ kind: 'replace', retire: ingest });
    expect(placeJob([busy('ingest'), busy('ingest'), busy('extract'), busy('index')], 'ingest', allowed)).toEqual({
      kind: 'none',
    });
  });

  it('counts the room for a stage as its idle workers plus new or replaced ones, and only its own while starts back off', () => {
    const workers = [idle('ingest', 0), idle('extract', 0), busy('index')];
    expect(roomFor(workers, 'ingest', allowed)).toBe(3);
    expect(roomFor(workers, 'ingest', { size, startsAllowed: false, now, stageCount: 4 })).toBe(1);
    expect(roomFor(workers, 'transcribe', { size, startsAllowed: false, now, stageCount: 4 })).toBe(0);
    expect(placeJob(workers, 'transcribe', { size, startsAllowed: false, now, stageCount: 4 })).toEqual({
      kind: 'none',
    });
  });

  it("keeps a stage's last worker that idled only briefly, so jobs flowing between stages do not churn processes, but takes a stage's spare one at once", () => {
    const justIdle = idle('extract', now - replaceAfterIdleMs + 1);
    const full = [busy('transcribe'), busy('transcribe'), busy('index'), justIdle];
    expect(placeJob(full, 'ingest', allowed)).toEqual({ kind: 'none' });
    expect(roomFor(full, 'ingest', allowed)).toBe(0);
    const later = { ...allowed, now: now + 1 };
    expect(placeJob(full, 'ingest', later)).toEqual({ kind: 'replace', retire: justIdle });
    expect(roomFor(full, 'ingest', later)).toBe(1);

    const spare = idle('transcribe', now - 1);
    const withSpare = [busy('transcribe'), spare, busy('index'), busy('extract')];
    expect(placeJob(withSpare, 'ingest', allowed)).toEqual({ kind: 'replace', retire: spare });
    expect(roomFor(withSpare, 'ingest', allowed)).toBe(1);

    // Two workers for four stages cannot keep one each: the idle one is taken at once.
    const small = { ...allowed, size: 2 };
    expect(placeJob([busy('transcribe'), justIdle], 'ingest', small)).toEqual({ kind: 'replace', retire: justIdle });
  });

  it('does not count a stopping worker against the size, nor hand it work', () => {
    const stopping: DemandWorker = { stage: 'ingest', state: 'stopping', free: false, idleSince: null };
    expect(roomFor([stopping, stopping, stopping, stopping], 'ingest', allowed)).toBe(size);
  });

  it('stops a worker idle for the idle limit (the default a user has), and none that works or idled less', () => {
    const clock = new FakeClock();
    const limit = defaultConfig.workerIdleMs;
    const early = idle('ingest', clock.monotonic());
    clock.advance(10_000);
    const late = idle('extract', clock.monotonic());
    const working = busy('transcribe');
    clock.advance(limit - 10_001);
    expect(idleToStop([early, late, working], clock.monotonic(), limit)).toEqual([]);
    clock.advance(1);
    expect(idleToStop([early, late, working], clock.monotonic(), limit)).toEqual([early]);
    clock.advance(10_000);
    expect(idleToStop([early, late, working], clock.monotonic(), limit)).toEqual([early, late]);
  });

  it('starts at once after an occasional crash and backs off, up to 30 s, when workers keep dying', () => {
    expect(startDelayMs(0, false)).toBe(0);
    expect(startDelayMs(4, false)).toBe(0);
    expect(startDelayMs(5, false)).toBe(500);
    expect(startDelayMs(7, false)).toBe(2_000);
    expect(startDelayMs(20, false)).toBe(30_000);
    expect(startDelayMs(0, true)).toBe(500);
  });
});
