import { describe, expect, it } from 'vitest';
import type { RecoveryPlan } from '../../src/main/queue/queue';
import { fakeItem, queueFixture } from '../support/queue-fixture';
import { tempDir } from '../support/temp-dir';

const restart = (why: string): RecoveryPlan => ({
  strategy: 'restart',
  why,
  summary: { code: 'WORKER_LOST', message: why },
});
const eventTypes = (f: ReturnType<typeof queueFixture>, id: number) =>
  f.store.reads.detail(id)!.events.map((e) => e.type);

describe('queue on a real SQLite file', () => {
  it('takes an item through enqueue → claim → heartbeat → complete, stage by stage, to done', () => {
    const f = queueFixture(tempDir());
    const added = f.queue.add(fakeItem());
    expect(added.outcome).toBe('added');
    const id = added.itemId;
    for (const stage of ['ingest', 'transcribe', 'extract', 'index'] as const) {
      const job = f.queue.claim(stage, 'me')!;
      expect(job).toMatchObject({ itemId: id, stage, attempts: 1 });
      expect(f.store.reads.summary(id)!.state).toBe('running');
      f.clock.advance(500);
      expect(f.queue.heartbeat(job, { step: 'work', percent: 50, message: null })).toBe(true);
      expect(f.store.reads.summary(id)!.progress).toEqual({ step: 'work', percent: 50, message: null });
      expect(f.queue.finish(job, { kind: 'succeeded' })).toBe(true);
    }
    expect(f.store.reads.summary(id)).toMatchObject({ state: 'done', stage: 'index', error: null });
    expect(eventTypes(f, id)).toEqual([
      'added',
      'started',
      'succeeded',
      'started',
      'succeeded',
      'started',
      'succeeded',
      'started',
      'succeeded',
    ]);
    expect(f.queue.leases.all()).toEqual([]);
  });

  it('a run that failed because its service is down waits with the reason and gives its attempt back, through the normal and the emergency write', () => {
    const f = queueFixture(tempDir());
    const failure = {
      code: 'ASR_UNREACHABLE',
      message: 'the whisper server is unreachable',
      permanent: false,
      serviceFault: true,
    };
    const reason = 'Whisper server does not pass its check';
    for (const write of ['finish', 'finishMinimal'] as const) {
      const id = f.queue.add(fakeItem()).itemId;
      const job = f.queue.claim('ingest', 'me')!;
      expect(job.attempts).toBe(1);
      const written = f.queue[write](job, { kind: 'parked', failure, reason });
      // The emergency write answers with what it wrote (its audit row is written once events can be).
      expect(typeof written === 'boolean' ? written : written.written).toBe(true);
      expect(f.store.reads.summary(id)).toMatchObject({
        state: 'waiting',
        attempts: 0,
        waitReason: reason,
        error: { code: 'ASR_UNREACHABLE' },
      });
      expect(f.queue.leases.all()).toEqual([]);
      // A late write of the same run is refused: the lease went with it.
      expect(f.queue.finish(job, { kind: 'succeeded' })).toBe(false);
    }
    expect(f.queue.unpark('ingest')).toBe(2);
    const parked = f.store.reads.detail(f.store.reads.list({ limit: 1 })[0]!.id)!;
    expect(parked.events.map((e) => e.type)).toContain('resumed');
  });

  it('the half-open probe takes the job that has waited longest, so a failed probe is not the next one', () => {
    const f = queueFixture(tempDir());
    const a = f.queue.add(fakeItem()).itemId;
    const b = f.queue.add(fakeItem()).itemId;
    f.queue.park('ingest', 'the service is down');
    const failure = { code: 'ASR_5XX', message: 'HTTP 500', permanent: false, serviceFault: true };
    const first = f.queue.claimProbe('ingest', 'me', 'probe')!;
    expect(first.itemId).toBe(a);
    f.clock.advance(1000);
    f.queue.finish(first, { kind: 'parked', failure, reason: 'the service is down' });
    expect(f.queue.claimProbe('ingest', 'me', 'probe')!.itemId).toBe(b);
  });

  it('adds the same audio twice as one item', () => {
    const f = queueFixture(tempDir());
    const item = fakeItem();
    const a = f.queue.add(item);
    const b = f.queue.add({ ...item, sourcePath: '/elsewhere/copy.wav' });
    expect(b).toEqual({ outcome: 'duplicate', itemId: a.itemId });
    expect(f.store.reads.overview().items).toBe(1);
  });

  it('claims by priority, then oldest first, and never the same job twice', () => {
    const f = queueFixture(tempDir());
    const low = f.queue.add(fakeItem()).itemId;
    const high = f.queue.add({ ...fakeItem(), priority: 5 }).itemId;
    const low2 = f.queue.add(fakeItem()).itemId;
    expect(f.queue.claim('ingest', 'me')!.itemId).toBe(high);
    expect(f.queue.claim('ingest', 'me')!.itemId).toBe(low);
    expect(f.queue.claim('ingest', 'me')!.itemId).toBe(low2);
    expect(f.queue.claim('ingest', 'me')).toBeUndefined();
  });

  it('schedules a transient failure for retry with backoff, then runs it again when due', () => {
    const f = queueFixture(tempDir(), { random: () => 0.5 });
    const id = f.queue.add(fakeItem()).itemId;
    const job = f.queue.claim('ingest', 'me')!;
    f.queue.finish(job, { kind: 'failed', failure: { code: 'IO_EBUSY', message: 'busy', permanent: false } });
    const s = f.store.reads.summary(id)!;
    expect(s).toMatchObject({ state: 'retry_scheduled', attempts: 1, error: { code: 'IO_EBUSY', message: 'busy' } });
    expect(Date.parse(s.runAt!)).toBe(f.clock.now() + 1000); // base 2 s, full jitter at 0.5
    expect(f.queue.promoteDue()).toBe(0);
    expect(f.queue.claim('ingest', 'me')).toBeUndefined();
    f.clock.advance(1000);
    expect(f.queue.promoteDue()).toBe(1);
    expect(f.queue.claim('ingest', 'me')).toMatchObject({ itemId: id, attempts: 2 });
  });

  it('makes a dead letter of a permanent failure at once, keeping code and message', () => {
    const f = queueFixture(tempDir());
    const id = f.queue.add(fakeItem()).itemId;
    const job = f.queue.claim('ingest', 'me')!;
    f.queue.finish(job, {
      kind: 'failed',
      failure: { code: 'AUDIO_UNDECODABLE', message: 'x.wav is not audio', permanent: true },
    });
    expect(f.store.reads.summary(id)).toMatchObject({
      state: 'dead',
      attempts: 1,
      error: { code: 'AUDIO_UNDECODABLE' },
    });
    expect(f.store.reads.list({ state: 'dead', limit: 10 }).map((i) => i.id)).toEqual([id]);
  });

  it('makes a dead letter after the last attempt of a transient failure', () => {
    const f = queueFixture(tempDir());
    const id = f.queue.add(fakeItem()).itemId;
    for (let attempt = 1; attempt <= 3; attempt++) {
      f.clock.advance(10 * 60_000);
      f.queue.promoteDue();
      const job = f.queue.claim('ingest', 'me')!;
      expect(job.attempts).toBe(attempt);
      f.queue.finish(job, { kind: 'failed', failure: { code: 'IO_EBUSY', message: 'busy', permanent: false } });
    }
    expect(f.store.reads.summary(id)).toMatchObject({ state: 'dead', attempts: 3, maxAttempts: 3 });
    expect(f.store.reads.detail(id)!.events.at(-1)).toMatchObject({ type: 'dead', detail: 'gave up after 3 attempts' });
  });

  it('retries a dead item with attempts reset and records that a user asked', () => {
    const f = queueFixture(tempDir());
    const id = f.queue.add(fakeItem()).itemId;
    f.queue.finish(f.queue.claim('ingest', 'me')!, {
      kind: 'failed',
      failure: { code: 'X', message: 'x', permanent: true },
    });
    expect(f.queue.retry(id)).toBe('retried');
    expect(f.store.reads.summary(id)).toMatchObject({ state: 'queued', attempts: 0 });
    expect(f.store.reads.detail(id)!.events.at(-1)).toMatchObject({ type: 'retried', actor: 'user' });
    expect(f.queue.retry(id)).toBe('not_retryable');
  });

  it('retries every dead letter at once', () => {
    const f = queueFixture(tempDir());
    const ids = [1, 2, 3].map(() => f.queue.add(fakeItem()).itemId);
    for (const _ of ids)
      f.queue.finish(f.queue.claim('ingest', 'me')!, {
        kind: 'failed',
        failure: { code: 'X', message: 'x', permanent: true },
      });
    expect(f.queue.retryAllDead()).toBe(3);
    expect(f.store.reads.overview().totals).toMatchObject({ queued: 3, dead: 0 });
  });

  it('refuses the result of a worker whose lease was taken away (fencing)', () => {
    const f = queueFixture(tempDir());
    const id = f.queue.add(fakeItem()).itemId;
    const first = f.queue.claim('ingest', 'worker-a')!;
    const [lease] = f.queue.leases.all();
    expect(f.queue.recover(lease!, restart('lease expired (test)'))).toBe('requeued');
    const second = f.queue.claim('ingest', 'worker-b')!;
    expect(second.token).toBeGreaterThan(first.token);
    expect(f.queue.heartbeat(first, null)).toBe(false);
    expect(f.queue.finish(first, { kind: 'succeeded' })).toBe(false);
    expect(f.store.reads.summary(id)).toMatchObject({ state: 'running', stage: 'ingest' });
    expect(f.queue.finish(second, { kind: 'succeeded' })).toBe(true);
    expect(f.store.reads.summary(id)!.stage).toBe('transcribe');
  });

  it('recovers a job without spending its attempt, leaving a failure summary on the item, and escalates it to dead letters', () => {
    const f = queueFixture(tempDir());
    const id = f.queue.add(fakeItem()).itemId;
    for (let i = 0; i < 2; i++) {
      f.queue.claim('ingest', 'me');
      expect(f.queue.recover(f.queue.leases.all()[0]!, restart('worker process gone'))).toBe('requeued');
      expect(f.store.reads.summary(id)).toMatchObject({ state: 'queued', attempts: 0, error: { code: 'WORKER_LOST' } });
    }
    f.queue.claim('ingest', 'me');
    const error = { code: 'RECOVERY_EXHAUSTED', message: 'stopped 3 times' };
    expect(f.queue.recover(f.queue.leases.all()[0]!, { strategy: 'escalate', why: 'worker process gone', error })).toBe(
      'dead',
    );
    expect(f.store.reads.summary(id)!.error!.code).toBe('RECOVERY_EXHAUSTED');
  });

  it('validates a recovered job whose output is complete: the stage counts as done without running again', () => {
    const f = queueFixture(tempDir());
    const id = f.queue.add(fakeItem()).itemId;
    f.queue.claim('ingest', 'me');
    expect(f.queue.recover(f.queue.leases.all()[0]!, { strategy: 'validate', why: 'no heartbeat' })).toBe('succeeded');
    expect(f.store.reads.summary(id)).toMatchObject({ state: 'queued', stage: 'transcribe' });
    expect(f.store.reads.detail(id)!.events.at(-1)).toMatchObject({
      type: 'validated',
      actor: 'recovery',
      stage: 'ingest',
    });
  });

  it('finds expired leases by time, and only those', () => {
    const f = queueFixture(tempDir());
    f.queue.add(fakeItem());
    f.queue.add(fakeItem());
    const a = f.queue.claim('ingest', 'me')!;
    f.clock.advance(6000);
    const b = f.queue.claim('ingest', 'me')!;
    f.clock.advance(5000); // a: 11 s since its claim (lease 10 s); b: 5 s
    expect(f.queue.leases.expired(f.clock.now()).map((l) => l.itemId)).toEqual([a.itemId]);
    f.queue.heartbeat(a, null);
    expect(f.queue.leases.expired(f.clock.now())).toEqual([]);
    expect(b.itemId).not.toBe(a.itemId);
  });

  it('cancels a running item and fences its worker out', () => {
    const f = queueFixture(tempDir());
    const id = f.queue.add(fakeItem()).itemId;
    const job = f.queue.claim('ingest', 'me')!;
    expect(f.queue.cancel(id)).toBe('cancelled');
    expect(f.queue.heartbeat(job, null)).toBe(false);
    expect(f.queue.finish(job, { kind: 'succeeded' })).toBe(false);
    expect(f.store.reads.summary(id)!.state).toBe('cancelled');
    expect(f.queue.cancel(id)).toBe('not_cancellable');
    expect(f.queue.retry(id)).toBe('retried');
  });

  it('parks a stage that cannot run in waiting with its reason, spending no attempt, and resumes it', () => {
    const f = queueFixture(tempDir());
    const id = f.queue.add(fakeItem()).itemId;
    f.queue.finish(f.queue.claim('ingest', 'me')!, { kind: 'succeeded' });
    expect(f.queue.park('transcribe', 'no transcription engine configured')).toBe(1);
    expect(f.store.reads.summary(id)).toMatchObject({
      state: 'waiting',
      stage: 'transcribe',
      attempts: 0,
      waitReason: 'no transcription engine configured',
    });
    expect(f.queue.claim('transcribe', 'me')).toBeUndefined();
    expect(f.queue.park('transcribe', 'ASR breaker open')).toBe(0);
    expect(f.store.reads.summary(id)!.waitReason).toBe('ASR breaker open');
    expect(f.queue.unpark('transcribe')).toBe(1);
    expect(f.queue.claim('transcribe', 'me')).toMatchObject({ itemId: id, attempts: 1 });
  });

  it('discards an item, hides it from lists, and starts it over when the same audio is added again', () => {
    const f = queueFixture(tempDir());
    const item = fakeItem();
    const id = f.queue.add(item).itemId;
    expect(f.queue.discard(id)).toBe('discarded');
    expect(f.store.reads.list({ limit: 10 })).toEqual([]);
    expect(f.store.reads.list({ state: 'discarded', limit: 10 }).map((i) => i.id)).toEqual([id]);
    expect(f.queue.add(item)).toEqual({ outcome: 'readded', itemId: id });
    expect(f.store.reads.summary(id)).toMatchObject({ state: 'queued', stage: 'ingest' });
  });

  it('holds a job with a later run-at as scheduled until it is due', () => {
    const f = queueFixture(tempDir());
    const id = f.queue.add(fakeItem(), { runAt: f.clock.now() + 60_000 }).itemId;
    expect(f.store.reads.summary(id)!.state).toBe('scheduled');
    expect(f.queue.nextDueAt()).toBe(f.clock.now() + 60_000);
    f.clock.advance(60_000);
    f.queue.promoteDue();
    expect(f.queue.claim('ingest', 'me')!.itemId).toBe(id);
  });

  it('pages through items newest first with a cursor, filtered by state and stage', () => {
    const f = queueFixture(tempDir());
    const ids = Array.from({ length: 7 }, () => f.queue.add(fakeItem()).itemId);
    const page1 = f.store.reads.list({ limit: 3 });
    const page2 = f.store.reads.list({ limit: 3, beforeId: page1.at(-1)!.id });
    expect([...page1, ...page2].map((i) => i.id)).toEqual(ids.slice().reverse().slice(0, 6));
    expect(f.store.reads.list({ stage: 'transcribe', limit: 10 })).toEqual([]);
    expect(f.store.reads.list({ state: 'queued', stage: 'ingest', limit: 100 })).toHaveLength(7);
  });

  it('writes every transition and its event in one transaction: a failing event write changes nothing', () => {
    const f = queueFixture(tempDir());
    const id = f.queue.add(fakeItem()).itemId;
    f.store.db.exec(
      `CREATE TRIGGER fail_events BEFORE INSERT ON events WHEN NEW.type = 'started' BEGIN SELECT RAISE(ABORT, 'disk says no'); END`,
    );
    expect(() => f.queue.claim('ingest', 'me')).toThrow('disk says no');
    expect(f.store.reads.summary(id)).toMatchObject({ state: 'queued', attempts: 0 });
    expect(f.queue.leases.all()).toEqual([]);
  });
});
