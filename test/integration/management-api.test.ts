import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Lifeline } from '../../src/main/lifeline';
import { FakeClock, type Clock } from '../../src/main/time/clock';
import { inProcessLifelines } from '../support/in-process-lifeline';
import { tempDir } from '../support/temp-dir';
import { waitFor } from '../support/wait-for';
import { callOk } from '../support/lifeline-calls';

const lifelines = inProcessLifelines();
const timing = { LIFELINE_HEARTBEAT_MS: '100', LIFELINE_LEASE_MS: '1000' };
const open = (options: { clock?: Clock; env?: Record<string, string>; dataDir?: string } = {}) =>
  lifelines.open({ ...options, env: { ...timing, ...options.env } });
const add = lifelines.add;
const state = (app: Lifeline, id: number) => app.store.reads.summary(id)!.state;

describe('the management API', () => {
  it('pauses a stage so its jobs wait with the reason shown, spending no attempt, and resumes it', async () => {
    const app = open();
    await app.start();
    await callOk(app, 'stages:pause', { stage: 'ingest' });
    const ids = [add(app, 'a.wav'), add(app, 'b.wav')];
    app.engine!.wake();
    await waitFor('the jobs to wait', () => ids.every((id) => state(app, id) === 'waiting'));
    expect(app.store.reads.summary(ids[0]!)).toMatchObject({ waitReason: 'Ingest is paused by you', attempts: 0 });
    const stats = await callOk(app, 'queue:stats', { stage: 'ingest' });
    expect(stats.stages).toMatchObject([{ stage: 'ingest', paused: true, blockedBy: 'Ingest is paused by you' }]);
    expect((await callOk(app, 'health:check', {})).overall).toBe('green');

    await callOk(app, 'stages:resume', { stage: 'ingest' });
    await waitFor('the items to be done', () => ids.every((id) => state(app, id) === 'done'));
  });

  it('limits how many jobs of a stage run at once, down to none', async () => {
    const app = open();
    await app.start();
    const info = await callOk(app, 'stages:setConcurrency', { stage: 'transcribe', limit: 0 });
    expect(info).toMatchObject({ stage: 'transcribe', concurrency: 0 });
    const id = add(app, 'a.wav');
    app.engine!.wake();
    await waitFor('the item to reach transcribe', () => app.store.reads.summary(id)!.stage === 'transcribe');
    // Stopped, not stuck: it waits with the reason and how to start it again.
    await waitFor('the item to wait', () => state(app, id) === 'waiting');
    expect(app.store.reads.summary(id)!.waitReason).toBe(
      'Transcribe is stopped: it may run 0 jobs at once; raise its concurrency in Settings to start it',
    );
    await callOk(app, 'stages:setConcurrency', { stage: 'transcribe', limit: 1 });
    await waitFor('the item to be done', () => state(app, id) === 'done');
  });

  it('lists dead letters by error code and requeues one or all of them', async () => {
    const app = open();
    await app.start();
    const bad = [add(app, 'bad-1.wav'), add(app, 'bad-2.wav')];
    app.engine!.wake();
    await waitFor('two dead letters', () => bad.every((id) => state(app, id) === 'dead'));
    const list = await callOk(app, 'deadLetters:list', {});
    expect(list).toEqual({
      total: 2,
      byCode: [{ code: 'BAD_AUDIO', stage: 'ingest', count: 2 }],
      items: [...bad].reverse(),
    });
    const health = await callOk(app, 'health:check', {});
    expect(health.overall).toBe('amber');
    expect(health.reasons.join()).toContain('2 new dead letters: open Dead letters to see why');

    await callOk(app, 'stages:pause', { stage: 'ingest' });
    expect(await callOk(app, 'deadLetters:requeue', { id: bad[0]! })).toEqual({ id: bad[0], stage: 'ingest' });
    await expect(callOk(app, 'deadLetters:requeue', { id: bad[0]! })).rejects.toThrow('INVALID_STATE');
    expect(await callOk(app, 'deadLetters:requeueAll', {})).toEqual({ count: 1 });
  });

  it('shows where an item is in the pipeline, with its recoveries and a failure summary', async () => {
    const app = open();
    const id = add(app, 'a.wav');
    app.queue.claim('ingest', `${os.hostname()}:2147483000:1`);
    await app.start();
    await waitFor('the item to be done', () => state(app, id) === 'done');
    const p = await callOk(app, 'items:pipeline', { id });
    expect(p.stages.map((s) => [s.stage, s.status, s.runs])).toEqual([
      ['ingest', 'done', 2],
      ['transcribe', 'done', 1],
    ]);
    expect(p.recoveries).toMatchObject([{ rule: 'worker_gone', strategy: 'restart', trigger: 'startup' }]);
    expect(p.failureSummary).toContain('recovered 1 time, last because worker process gone');
  });

  it('recovers a running item on request, and refuses an item that is not running', async () => {
    const app = open();
    await app.start();
    const id = add(app, 'slow-once-a.wav');
    app.engine!.wake();
    await waitFor('the item to run', () => state(app, id) === 'running');
    // Paused, so the engine does not run it again (and clear its summary) while the answer waits for its checkpoint.
    await callOk(app, 'stages:pause', { stage: 'ingest' });
    expect(await callOk(app, 'recovery:recoverItem', { id })).toMatchObject({
      itemId: id,
      rule: 'manual',
      strategy: 'restart',
      result: 'requeued',
    });
    expect(app.store.reads.summary(id)!.error).toMatchObject({ code: 'RECOVERED_BY_USER' });
    // No longer running: to a page that showed it running that is an answer; asked from elsewhere, a refusal.
    const now = app.store.reads.summary(id)!.state;
    expect(now).not.toBe('running');
    expect(await callOk(app, 'recovery:recoverItem', { id, ifStillRunning: true })).toEqual({
      itemId: id,
      stage: 'ingest',
      rule: 'manual',
      why: `it is ${now}`,
      strategy: 'none',
      result: 'lost_race',
    });
    await expect(callOk(app, 'recovery:recoverItem', { id })).rejects.toThrow('INVALID_STATE');
    const queued = add(app, 'b.wav');
    await expect(callOk(app, 'recovery:recoverItem', { id: queued + 100 })).rejects.toThrow('NOT_FOUND');
    expect(await callOk(app, 'recovery:resetStuck', {})).toMatchObject({ recovered: [], scope: 'engine' });
  });

  it('computes metrics: counts, throughput per minute, latency percentiles, recovery rate, dead letters by code', async () => {
    const app = open();
    const ids = ['a', 'b', 'c'].map((n) => add(app, `${n}.wav`));
    add(app, 'bad-1.wav');
    app.queue.claim('ingest', `${os.hostname()}:2147483000:1`);
    await app.start();
    await waitFor('the good items to be done', () => ids.every((id) => state(app, id) === 'done'));
    const m = await callOk(app, 'metrics:get', {});
    expect(m.throughputPerMinute).toHaveLength(60);
    expect(m.throughputPerMinute.at(-1)!.itemsDone + m.throughputPerMinute.at(-2)!.itemsDone).toBe(3);
    expect(m.latency.ingest!.runs).toBe(3);
    expect(m.latency.transcribe!.p50Ms).toBeGreaterThanOrEqual(0);
    expect(m.latency.transcribe!.p95Ms).toBeGreaterThanOrEqual(m.latency.transcribe!.p50Ms!);
    expect(m.recovery24h).toMatchObject({ recoveries: 1, successRate: 1 });
    expect(m.recovery24h.meanTimeToRecoveryMs).toBeGreaterThanOrEqual(0);
    expect(m.deadLetters).toMatchObject({ total: 1, byCode: [{ code: 'BAD_AUDIO', count: 1 }] });
    expect(m.counts.transcribe.done).toBe(3);
  });

  it('pauses intake when the disk is nearly full and resumes it when space returns', async () => {
    const app = open();
    await app.start();
    await callOk(app, 'settings:set', { values: { 'health.diskAmberBytes': 2 ** 50, 'health.diskRedBytes': 2 ** 50 } });
    const h = await callOk(app, 'health:check', { name: 'disk' });
    expect(h.services.find((s) => s.name === 'disk')).toMatchObject({ status: 'down' });
    expect(h.overall).toBe('red');
    const id = add(app, 'a.wav');
    app.engine!.wake();
    await waitFor('the new item to wait', () => state(app, id) === 'waiting');
    expect(app.store.reads.summary(id)!.waitReason).toMatch(/^paused: only .* free/);

    await callOk(app, 'settings:set', { values: { 'health.diskAmberBytes': null, 'health.diskRedBytes': null } });
    await callOk(app, 'health:check', { name: 'disk' });
    await waitFor('the item to be done', () => state(app, id) === 'done');
  });

  it('validates settings, applies them live, keeps them across a restart, and leaves env-set ones alone', async () => {
    const dataDir = path.join(tempDir(), 'data');
    const app = open({ dataDir, env: { LIFELINE_MAX_RECOVERIES: '7' } });
    await expect(callOk(app, 'settings:set', { values: { nope: 1 } })).rejects.toThrow(
      'INVALID_REQUEST: there is no setting "nope"',
    );
    await expect(callOk(app, 'settings:set', { values: { stuckScanMs: 5 } })).rejects.toThrow(
      'stuckScanMs must be a whole number in 50–600000',
    );
    await expect(callOk(app, 'settings:set', { values: { backoffBaseMs: 600_000 } })).rejects.toThrow(
      'backoffBaseMs must not exceed backoffCapMs',
    );
    await expect(callOk(app, 'settings:set', { values: { maxRecoveries: 2 } })).rejects.toThrow(
      'INVALID_STATE: maxRecoveries is set by LIFELINE_MAX_RECOVERIES',
    );
    const entries = await callOk(app, 'settings:set', { values: { 'breaker.openMs': 5000, 'concurrency.ingest': 3 } });
    expect(entries.find((e) => e.key === 'breaker.openMs')).toMatchObject({
      value: 5000,
      default: 30_000,
      source: 'stored',
      env: 'LIFELINE_BREAKER_OPEN_MS',
      unit: 'ms',
    });
    expect(entries.find((e) => e.key === 'maxRecoveries')).toMatchObject({ value: 7, source: 'env' });
    expect(app.engine!.currentConfig.stages.ingest.concurrency).toBe(3);
    await app.close();

    const again = open({ dataDir });
    expect(again.config.breaker.openMs).toBe(5000);
    expect(again.config.maxRecoveries).toBe(5);
  });

  it('cleans up routine events of items done long ago, keeping their outcome', async () => {
    const clock = new FakeClock(Date.now());
    const app = open({ clock });
    const id = add(app, 'a.wav');
    await app.start();
    await waitFor('the item to be done', () => state(app, id) === 'done');
    expect((await callOk(app, 'maintenance:cleanup', { olderThanDays: 1 })).events).toBe(0);
    // Only the wall clock moves: advancing both would run two days of the engine's timers (polls, scans).
    clock.jumpWall(2 * 86_400_000);
    const r = await callOk(app, 'maintenance:cleanup', { olderThanDays: 1 });
    expect(r.events).toBe(2);
    expect(app.store.reads.detail(id)!.events.map((e) => e.type)).toEqual(['added', 'succeeded', 'succeeded']);
  });

  it('gives an overview of the system: status, engine and workers, queue, breakers', async () => {
    const app = open();
    await app.start();
    const o = await callOk(app, 'system:overview', {});
    expect(o).toMatchObject({
      engine: { running: true, mode: 'in-process', runningJobs: 0 },
      breakers: [],
      deadLetters: 0,
    });
    expect(o.queue.items).toBe(0);
  });
});
