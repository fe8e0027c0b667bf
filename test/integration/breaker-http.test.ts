import crypto from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openLifeline, type Lifeline } from '../../src/main/lifeline';
import { startTestAsr, type TestAsr } from '../support/test-asr-server';
import { testStagesFor } from '../support/test-stages';
import { tempDir } from '../support/temp-dir';
import { waitFor } from '../support/wait-for';

const cooldownMs = 400;
const env = {
  LIFELINE_WORKERS: '0',
  LIFELINE_HEARTBEAT_MS: '100',
  LIFELINE_LEASE_MS: '1000',
  LIFELINE_STUCK_SCAN_MS: '200',
  LIFELINE_IDLE_POLL_MS: '50',
  LIFELINE_BACKOFF_BASE_MS: '50',
  LIFELINE_BACKOFF_CAP_MS: '200',
  LIFELINE_CONCURRENCY_TRANSCRIBE: '2',
  LIFELINE_BREAKER_CONSECUTIVE_FAILURES: '3',
  LIFELINE_BREAKER_OPEN_MS: '1000',
  LIFELINE_BREAKER_OPEN_MAX_MS: '4000',
  LIFELINE_AUTO_RECOVERY_COOLDOWN_MS: String(cooldownMs),
  LIFELINE_AUTO_RECOVERY_MAX_ATTEMPTS: '5',
  LIFELINE_HEALTH_STARTUP_TIMEOUT_MS: '0',
  LIFELINE_HEALTH_INTERVAL_MS: '60000',
};

const opened: { app: Lifeline; asr: TestAsr }[] = [];
afterEach(async () => {
  for (const { app, asr } of opened.splice(0)) {
    await app.close(0);
    await asr.stop().catch(() => {});
  }
});

function add(app: Lifeline, n: number): number[] {
  return Array.from({ length: n }, () => {
    const sha256 = crypto.randomBytes(32).toString('hex');
    return app.queue.add({
      sha256,
      sourcePath: `/t/${sha256}.wav`,
      fileName: `memo-${sha256.slice(0, 8)}.wav`,
      sizeBytes: 1,
      priority: 0,
    }).itemId;
  });
}

/** A Lifeline whose test stages call `asr`, opened on a fresh data dir unless one is given; closed after the test. */
function openWith(
  asr: TestAsr,
  extraEnv: Record<string, string> = {},
  dataDir = path.join(tempDir(), 'data'),
): Lifeline {
  const app = openLifeline({
    dataDir,
    withEngine: true,
    processName: 'test',
    stages: testStagesFor({ serviceUrl: asr.url }),
    env: { ...env, ...extraEnv },
  });
  opened.push({ app, asr });
  return app;
}

const transcribeRuns = (app: Lifeline, id: number) =>
  app.store.reads.detail(id)!.events.filter((e) => e.stage === 'transcribe' && e.type === 'started').length;

describe('a circuit breaker on an HTTP service', () => {
  it('when the service stops, its stage waits without spending attempts (a check confirms the outage), auto-recovery runs with its cooldown, and the work resumes once it is back', async () => {
    const asr = await startTestAsr();
    const app = openWith(asr);
    const ids = add(app, 12);
    await app.start();
    const done = () => app.store.reads.overview().totals.done;
    await waitFor('a few items through the service', () => done() >= 3);

    await asr.stop();
    await waitFor('the stage to be parked', () => {
      const t = app.store.reads.overview().byStage.transcribe;
      return t.queued === 0 && t.running === 0 && t.waiting > 0 && t;
    });
    // Items that reach the stage while the service is down wait there, never attempted.
    const late = add(app, 5);
    app.engine!.wake();
    await waitFor('the late items to wait at transcribe', () =>
      late.every((id) => app.store.reads.summary(id)!.state === 'waiting'),
    );
    for (const id of late) expect(app.store.reads.summary(id)).toMatchObject({ stage: 'transcribe', attempts: 0 });
    const waiting = app.store.reads.list({ state: 'waiting', stage: 'transcribe', limit: 100 });
    expect(waiting.map((w) => w.waitReason).join('\n')).toContain('Test ASR');
    // Waiting spends nothing, and a failure once the outage is known is refunded: no attempt is
    // counted for any run made after the service stopped.
    for (const item of waiting) expect(item.attempts).toBe(0);

    await waitFor(
      'two auto-recovery runs',
      () => app.store.serviceEvents.recent(50, 'asr').filter((e) => e.type.startsWith('auto_recovery')).length >= 2,
      15_000,
    );
    await asr.restart();
    await waitFor('every item to be done', () => done() === ids.length + late.length, 20_000);

    const audit = app.store.serviceEvents.recent(200, 'asr').reverse();
    const runs = audit.filter((e) => e.type.startsWith('auto_recovery'));
    expect(runs[0]).toMatchObject({ type: 'auto_recovery_failed', actor: 'recovery' });
    expect(runs[0]!.detail).toContain('re-probe the endpoint (attempt 1');
    for (let i = 1; i < runs.length; i++)
      expect(runs[i]!.at - runs[i - 1]!.at).toBeGreaterThanOrEqual(cooldownMs * 2 ** (i - 1) - 5);
    expect(app.breakers.view('asr')!.state).toBe('closed');
    await waitFor('auto-recovery to start afresh', () => app.autoRecovery!.status('asr')!.attempts === 0);
    expect(app.store.reads.overview().totals.dead).toBe(0);
  });

  it('a failing half-open probe parks its item again with its attempt refunded, and the next probe is another item', async () => {
    const asr = await startTestAsr();
    // Its front door answers; every real call fails.
    asr.failCalls(true);
    const app = openWith(asr, { LIFELINE_BREAKER_OPEN_MS: '300', LIFELINE_BREAKER_OPEN_MAX_MS: '300' });
    const ids = add(app, 3);
    await app.start();
    await waitFor('the breaker to open', () => app.breakers.view('asr')!.state !== 'closed');
    await waitFor(
      'probes on two different items',
      () => ids.filter((id) => transcribeRuns(app, id) > 1).length >= 2,
      20_000,
    );
    // Only the runs before the breaker opened count; probes and runs after it never do.
    const spent = ids.map((id) => app.store.reads.summary(id)!.attempts).reduce((a, b) => a + b, 0);
    expect(spent).toBeLessThanOrEqual(3);
    expect(app.store.reads.overview().totals.dead).toBe(0);
    asr.failCalls(false);
    await waitFor('every item to be done', () => app.store.reads.overview().totals.done === 3, 20_000);
  });

  it('a lone item added while the service is known down waits for it without spending an attempt, and is done once it is back', async () => {
    const asr = await startTestAsr();
    await asr.stop();
    const app = openWith(asr, { LIFELINE_HEALTH_STARTUP_TIMEOUT_MS: '300' });
    await app.start();
    const [id] = add(app, 1);
    app.engine!.wake();
    await waitFor('the item to wait at transcribe', () => {
      const s = app.store.reads.summary(id!)!;
      return s.stage === 'transcribe' && s.state === 'waiting' && s;
    });
    expect(app.store.reads.summary(id!)!.waitReason).toContain('Test ASR');
    expect(transcribeRuns(app, id!)).toBe(0);
    await asr.restart();
    // No breaker open time to sit out: the re-checks find it within seconds.
    await waitFor('the item to be done', () => app.store.reads.summary(id!)!.state === 'done', 20_000);
    expect(app.store.reads.summary(id!)).toMatchObject({ state: 'done' });
    expect(transcribeRuns(app, id!)).toBe(1);
  });

  it('a service that fails while an item runs costs it no attempt once the failure is confirmed by a check', async () => {
    const asr = await startTestAsr();
    const app = openWith(asr);
    await app.start();
    // The start's first round of checks has seen it up; the next regular one is a minute away.
    await app.health.checkNow();
    await asr.stop();
    const [id] = add(app, 1);
    app.engine!.wake();
    await waitFor('the item to wait at transcribe', () => {
      const s = app.store.reads.summary(id!)!;
      return s.stage === 'transcribe' && s.state === 'waiting' && s;
    });
    expect(transcribeRuns(app, id!)).toBe(1);
    expect(app.store.reads.summary(id!)).toMatchObject({ attempts: 0, error: { code: 'ASR_UNREACHABLE' } });
    await asr.restart();
    await waitFor('the item to be done', () => app.store.reads.summary(id!)!.state === 'done', 20_000);
    expect(app.store.reads.overview().totals.dead).toBe(0);
  });

  it('keeps breaker state and recovery history across an engine restart', async () => {
    const dataDir = path.join(tempDir(), 'data');
    const asr = await startTestAsr();
    await asr.stop();
    const first = openWith(asr, {}, dataDir);
    const ids = add(first, 4);
    // A job left running by a process that no longer exists: the startup sweep recovers it.
    first.queue.claim('ingest', `${os.hostname()}:2147483000:1`);
    const recovered = await first.start();
    expect(recovered).toHaveLength(1);
    for (let i = 0; i < 3; i++) first.breakers.failure('asr', 'ASR_5XX: the test ASR answered 500');
    await waitFor('the breaker to open', () => first.breakers.view('asr')!.state === 'open');
    const open = first.breakers.view('asr')!;
    await first.close(0);

    const second = openWith(asr, {}, dataDir);
    expect(second.engine!.isRunning).toBe(false);
    expect(second.breakers.view('asr')).toMatchObject({
      state: 'open',
      openUntil: open.openUntil,
      reason: open.reason,
    });
    const stats = await second.call('recovery:stats', {});
    expect(stats.ok && stats.value.recent).toMatchObject([
      { itemId: ids[0], rule: 'worker_gone', strategy: 'restart', trigger: 'startup' },
    ]);
    expect(second.store.serviceEvents.recent(10, 'asr').map((e) => e.type)).toContain('breaker_open');
    const breakers = await second.call('breakers:list', {});
    expect(breakers.ok && breakers.value).toMatchObject([{ name: 'asr', state: 'open', stages: ['transcribe'] }]);
  });

  it('turns the service red with "needs you" after the last auto-recovery attempt, until the user triggers recovery', async () => {
    const asr = await startTestAsr();
    await asr.stop();
    const app = openWith(asr, {
      LIFELINE_AUTO_RECOVERY_MAX_ATTEMPTS: '2',
      LIFELINE_AUTO_RECOVERY_COOLDOWN_MS: '150',
      LIFELINE_BREAKER_OPEN_MS: '60000',
      LIFELINE_BREAKER_OPEN_MAX_MS: '60000',
    });
    add(app, 4);
    await app.start();
    const h = await waitFor(
      'the service to need the user',
      async () => {
        const snapshot = (await app.call('health:get', {})) as {
          ok: true;
          value: import('../../src/shared/contract').HealthSnapshot;
        };
        return snapshot.value.services.find((s) => s.name === 'asr')!.needsYou && snapshot.value;
      },
      15_000,
    );
    expect(h.overall).toBe('red');
    expect(h.reasons.join()).toContain('Test ASR needs you: automatic recovery gave up');
    expect(app.store.serviceEvents.recent(50, 'asr').filter((e) => e.type === 'auto_recovery_failed')).toHaveLength(2);
    // The moment the user is needed is in the service's audit trail.
    await waitFor('the giving up to be recorded', () =>
      app.store.serviceEvents.recent(50, 'asr').some((e) => e.type === 'auto_recovery_gave_up'),
    );
    expect(app.store.serviceEvents.recent(50, 'asr').filter((e) => e.type === 'auto_recovery_gave_up')).toMatchObject([
      { actor: 'recovery' },
    ]);

    await asr.restart();
    const r = await app.call('recovery:triggerStage', { stage: 'transcribe' });
    expect(r.ok && r.value).toMatchObject({ service: 'asr', ran: 're-probe the endpoint' });
    await waitFor('every item to be done', () => app.store.reads.overview().totals.done === 4, 15_000);
    expect(app.breakers.view('asr')!.state).toBe('closed');
    await waitFor('auto-recovery to start afresh', () => app.autoRecovery!.status('asr')!.attempts === 0);
    expect(app.autoRecovery!.status('asr')).toMatchObject({ attempts: 0, needsYou: false });
    expect(app.store.reads.overview().totals.dead).toBe(0);
  });

  it('runs a service recovery by name and says what it found: still failing while the service is down, recovered once it is back', async () => {
    const asr = await startTestAsr();
    await asr.stop();
    const app = openWith(asr, { LIFELINE_BREAKER_OPEN_MS: '60000', LIFELINE_BREAKER_OPEN_MAX_MS: '60000' });
    add(app, 3);
    await app.start();
    await waitFor('the stage to wait for the service', () =>
      app.engine!.gates.sources('transcribe').includes('service'),
    );

    const failed = await app.call('recovery:triggerService', { name: 'asr' });
    expect(failed.ok && failed.value).toMatchObject({
      service: 'asr',
      action: 're-probe the endpoint',
      outcome: 'failed',
      recovered: [],
    });
    expect(failed.ok && failed.value.autoRecovery.attempts).toBe(1);

    await asr.restart();
    const back = await app.call('recovery:triggerService', { name: 'asr' });
    expect(back.ok && back.value).toMatchObject({
      outcome: 'recovered',
      detail: expect.stringContaining('it answered its check'),
    });
    await waitFor('every item to be done', () => app.store.reads.overview().totals.done === 3, 15_000);

    // The service's audit trail shows the runs the user asked for and the breaker closing.
    const trail = await app.call('health:events', { name: 'asr', limit: 50 });
    const types = trail.ok ? trail.value.map((e) => `${e.type}/${e.actor}`) : [];
    expect(types).toContain('auto_recovery_failed/user');
    expect(types).toContain('auto_recovery_ran/user');

    const unknown = await app.call('recovery:triggerService', { name: 'nope' });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const noHandler = await app.call('recovery:triggerService', { name: 'disk' });
    expect(noHandler).toMatchObject({
      ok: false,
      error: { code: 'INVALID_STATE', message: expect.stringContaining('has no recovery handler') },
    });
  });
});
