import { describe, expect, it } from 'vitest';
import type { AfterRunning, ClaimedJob, MinimalAfter } from '../../src/main/queue/queue-store';
import type { RecoveryPlan } from '../../src/main/queue/queue';
import { fakeItem, queueFixture } from '../support/queue-fixture';
import { tempDir } from '../support/temp-dir';

/**
 * The SQLite store against every port the queue holds (queue/queue-store.ts): each `AfterRunning` and
 * `MinimalAfter` variant, the schedule, heartbeats, parking, lease reads, the suspend extension, the
 * user actions and the recoveries. Each case checks the job row it leaves, the lease, and that the
 * item's event chain (walked from its head) still holds every event.
 */
type Fixture = ReturnType<typeof queueFixture>;
interface JobRow {
  stage: string;
  state: string;
  attempts: number;
  recoveries: number;
  error_code: string | null;
  last_event_id: number | null;
}

const job = (f: Fixture, id: number) =>
  f.store.db
    .prepare(`SELECT stage, state, attempts, recoveries, error_code, last_event_id FROM jobs WHERE item_id = ?`)
    .get(id) as JobRow;
const scanned = (f: Fixture, id: number) =>
  f.store.db.prepare(`SELECT id FROM events WHERE item_id = ? ORDER BY id`).pluck().all(id) as number[];
const timeline = (f: Fixture, id: number) => f.store.reads.detail(id)!.events;

function expectChainWhole(f: Fixture, id: number): void {
  expect(timeline(f, id).map((e) => e.id)).toEqual(scanned(f, id));
  expect(job(f, id).last_event_id).toBe(scanned(f, id).at(-1));
}

function running(f: Fixture): ClaimedJob {
  const id = f.queue.add(fakeItem()).itemId;
  const claimed = f.queue.claim('ingest', 'engine-1');
  expect(claimed?.itemId).toBe(id);
  return claimed!;
}

/** A job that ran its last stage and succeeded: what a re-run starts from. */
function done(f: Fixture): ClaimedJob {
  const j = running(f);
  f.store.queuePorts.runs.finishRunning(
    j,
    f.clock.now(),
    { state: 'advance', next: null },
    { type: 'succeeded', actor: 'engine' },
  );
  return j;
}

const error = { code: 'IO_EBUSY', message: 'the device was busy' };
const next = (f: Fixture, runAt = f.clock.now()) => ({ stage: 'transcribe' as const, maxAttempts: 5, runAt });

describe('the SQLite queue ports, transition by transition', () => {
  const finishCases: {
    name: string;
    after: (f: Fixture) => AfterRunning;
    state: string;
    stage: string;
    event: string;
  }[] = [
    {
      name: 'a success moves the item to its next stage',
      after: (f) => ({ state: 'advance', next: next(f) }),
      state: 'queued',
      stage: 'transcribe',
      event: 'succeeded',
    },
    {
      name: 'a success with a later start schedules the next stage',
      after: (f) => ({ state: 'advance', next: next(f, f.clock.now() + 60_000) }),
      state: 'scheduled',
      stage: 'transcribe',
      event: 'succeeded',
    },
    {
      name: 'a success of the last stage makes the item done',
      after: () => ({ state: 'advance', next: null }),
      state: 'done',
      stage: 'ingest',
      event: 'succeeded',
    },
    {
      name: 'a transient failure schedules a retry',
      after: (f) => ({ state: 'retry_scheduled', runAt: f.clock.now() + 5_000 }),
      state: 'retry_scheduled',
      stage: 'ingest',
      event: 'retry_scheduled',
    },
    {
      name: 'a permanent failure makes a dead letter',
      after: () => ({ state: 'dead' }),
      state: 'dead',
      stage: 'ingest',
      event: 'dead',
    },
    {
      name: 'a release at shutdown puts the job back with its attempt refunded',
      after: () => ({ state: 'queued', reason: 'released' }),
      state: 'queued',
      stage: 'ingest',
      event: 'released',
    },
    {
      name: 'a recovery puts the job back with its attempt refunded',
      after: () => ({ state: 'queued', reason: 'recovered' }),
      state: 'queued',
      stage: 'ingest',
      event: 'recovered',
    },
    {
      name: 'a recovery with a summary leaves the reason on the item',
      after: () => ({
        state: 'queued',
        reason: 'recovered',
        summary: { code: 'WORKER_LOST', message: 'the worker died' },
      }),
      state: 'queued',
      stage: 'ingest',
      event: 'recovered',
    },
  ];
  for (const c of finishCases) {
    it(`finishRunning: ${c.name}, with its event at the head of the chain`, () => {
      const f = queueFixture(tempDir());
      const j = running(f);
      const ok = f.store.queuePorts.runs.finishRunning(j, f.clock.now(), c.after(f), {
        type: c.event,
        actor: 'engine',
        error: c.event === 'dead' ? error : null,
      });
      expect(ok).toBe(true);
      const row = job(f, j.itemId);
      expect([row.stage, row.state]).toEqual([c.stage, c.state]);
      if (c.state === 'queued' && c.stage === 'ingest') expect(row.attempts).toBe(0);
      expect(f.store.queuePorts.leases.one(j.itemId)).toBeUndefined();
      expect(timeline(f, j.itemId).at(-1)!.type).toBe(c.event);
      expectChainWhole(f, j.itemId);
      // The same write again is fenced out: the lease is gone.
      expect(
        f.store.queuePorts.runs.finishRunning(j, f.clock.now(), c.after(f), { type: c.event, actor: 'engine' }),
      ).toBe(false);
    });
  }

  const minimalCases: {
    name: string;
    after: (f: Fixture) => MinimalAfter;
    state: string;
    stage: string;
    error: string | null;
  }[] = [
    {
      name: 'a success moving to the next stage',
      after: (f) => ({ state: 'advance', next: next(f) }),
      state: 'queued',
      stage: 'transcribe',
      error: null,
    },
    {
      name: 'a success scheduled for later',
      after: (f) => ({ state: 'advance', next: next(f, f.clock.now() + 60_000) }),
      state: 'scheduled',
      stage: 'transcribe',
      error: null,
    },
    {
      name: 'a success of the last stage',
      after: () => ({ state: 'advance', next: null }),
      state: 'done',
      stage: 'ingest',
      error: null,
    },
    {
      name: 'a transient failure',
      after: (f) => ({ state: 'retry_scheduled', runAt: f.clock.now() + 5_000, error }),
      state: 'retry_scheduled',
      stage: 'ingest',
      error: 'IO_EBUSY',
    },
    {
      name: 'a permanent failure',
      after: () => ({ state: 'dead', error }),
      state: 'dead',
      stage: 'ingest',
      error: 'IO_EBUSY',
    },
  ];
  for (const c of minimalCases) {
    it(`the emergency write records ${c.name} without an event, leaving the chain head where it was`, () => {
      const f = queueFixture(tempDir());
      const j = running(f);
      const before = job(f, j.itemId).last_event_id;
      const events = scanned(f, j.itemId);
      expect(f.store.queuePorts.emergency.finishMinimal(j, f.clock.now(), c.after(f))).toBe(true);
      const row = job(f, j.itemId);
      expect([row.stage, row.state, row.error_code]).toEqual([c.stage, c.state, c.error]);
      expect(row.last_event_id).toBe(before);
      expect(scanned(f, j.itemId)).toEqual(events);
      expect(f.store.queuePorts.leases.one(j.itemId)).toBeUndefined();
      expectChainWhole(f, j.itemId);
      // A note appended afterwards goes on the same chain.
      f.store.queuePorts.emergency.appendEvent(j.itemId, 'ingest', f.clock.now(), {
        type: 'emergency_write',
        actor: 'engine',
      });
      expectChainWhole(f, j.itemId);
    });

    it(`the emergency write of ${c.name} is refused once the job was recovered meanwhile`, () => {
      const f = queueFixture(tempDir());
      const j = running(f);
      f.queue.recover(f.store.queuePorts.leases.one(j.itemId)!, {
        strategy: 'restart',
        why: 'no heartbeat',
        summary: { code: 'NO_HEARTBEAT', message: 'silent' },
      });
      expect(f.store.queuePorts.emergency.finishMinimal(j, f.clock.now(), c.after(f))).toBe(false);
      expect(job(f, j.itemId).state).toBe('queued');
      // Claimed again: the old token still changes nothing.
      const again = f.queue.claim('ingest', 'engine-1')!;
      expect(f.store.queuePorts.emergency.finishMinimal(j, f.clock.now(), c.after(f))).toBe(false);
      expect(job(f, again.itemId).state).toBe('running');
      expect(f.store.queuePorts.leases.one(again.itemId)?.token).toBe(again.token);
    });
  }

  it('the queue turns a failed run into the same destination through the emergency path as through the normal one', () => {
    const f = queueFixture(tempDir());
    const j = running(f);
    expect(f.queue.finishMinimal(j, { kind: 'succeeded' })).toMatchObject({
      written: true,
      event: { type: 'succeeded' },
    });
    expect(job(f, j.itemId)).toMatchObject({ stage: 'transcribe', state: 'queued', attempts: 0 });
    const t = f.queue.claim('transcribe', 'engine-1')!;
    expect(f.queue.finishMinimal(t, { kind: 'failed', failure: { ...error, permanent: false } })).toMatchObject({
      written: true,
      event: { type: 'retry_scheduled', error },
    });
    expect(job(f, t.itemId)).toMatchObject({ stage: 'transcribe', state: 'retry_scheduled', error_code: 'IO_EBUSY' });
    expectChainWhole(f, t.itemId);
  });

  const plans: { plan: RecoveryPlan; state: string; event: string }[] = [
    {
      plan: { strategy: 'requeue', why: 'its process is gone; its work had not begun' },
      state: 'queued',
      event: 'released',
    },
    {
      plan: { strategy: 'resume', why: 'no heartbeat', summary: { code: 'NO_HEARTBEAT', message: 'silent' } },
      state: 'queued',
      event: 'recovered',
    },
    {
      plan: { strategy: 'restart', why: 'worker lost', summary: { code: 'WORKER_LOST', message: 'died' } },
      state: 'queued',
      event: 'recovered',
    },
    { plan: { strategy: 'validate', why: 'output complete' }, state: 'queued', event: 'validated' },
    {
      plan: { strategy: 'escalate', why: 'too many', error: { code: 'RECOVERY_EXHAUSTED', message: 'gave up' } },
      state: 'dead',
      event: 'dead',
    },
  ];
  for (const p of plans) {
    it(`a ${p.plan.strategy} recovery writes its transition and its event once, and only while the lease is held`, () => {
      const f = queueFixture(tempDir());
      const j = running(f);
      const lease = f.store.queuePorts.leases.one(j.itemId)!;
      expect(f.queue.recover(lease, p.plan)).not.toBe('lost_race');
      expect(job(f, j.itemId).state).toBe(p.state);
      if (p.plan.strategy === 'resume' || p.plan.strategy === 'restart')
        expect(job(f, j.itemId)).toMatchObject({ attempts: 0, recoveries: 1 });
      // Work that never began spends nothing: no recovery, the attempt refunded.
      if (p.plan.strategy === 'requeue') expect(job(f, j.itemId)).toMatchObject({ attempts: 0, recoveries: 0 });
      expect(timeline(f, j.itemId).at(-1)!.type).toBe(p.event);
      expectChainWhole(f, j.itemId);
      expect(f.queue.recover(lease, p.plan)).toBe('lost_race');
    });
  }

  it('user actions cancel, retry, retry all and discard change the job and add their event to the chain', () => {
    const f = queueFixture(tempDir());
    const now = () => f.clock.now();
    const a = running(f);
    expect(f.store.queuePorts.actions.cancel(a.itemId, now())).toBe('cancelled');
    expect(f.store.queuePorts.leases.one(a.itemId)).toBeUndefined();
    expect(f.store.queuePorts.actions.cancel(a.itemId, now())).toBe('not_cancellable');
    expect(f.store.queuePorts.actions.retry(a.itemId, now())).toBe('retried');
    expect(job(f, a.itemId)).toMatchObject({ state: 'queued', attempts: 0 });
    const b = f.queue.claim('ingest', 'engine-1')!;
    f.store.queuePorts.runs.finishRunning(b, now(), { state: 'dead' }, { type: 'dead', actor: 'engine', error });
    expect(f.store.queuePorts.actions.retryAllDead(now())).toBe(1);
    expect(job(f, b.itemId).state).toBe('queued');
    expect(f.store.queuePorts.actions.discard(b.itemId, now())).toBe('discarded');
    expect(f.store.queuePorts.actions.discard(b.itemId, now())).toBe('already_discarded');
    expect(f.store.queuePorts.actions.cancel(999, now())).toBeNull();
    expect(timeline(f, a.itemId).map((e) => e.type)).toEqual([
      'added',
      'started',
      'cancelled',
      'retried',
      'started',
      'dead',
      'retried',
      'discarded',
    ]);
    expectChainWhole(f, a.itemId);
  });

  it('parking, a half-open probe from waiting, finishAndClaim and due promotion keep every chain whole', () => {
    const f = queueFixture(tempDir());
    const ids = [f.queue.add(fakeItem()).itemId, f.queue.add(fakeItem()).itemId];
    expect(f.store.queuePorts.parking.park('ingest', 'breaker open', f.clock.now())).toBe(2);
    const probe = f.queue.claimProbe('ingest', 'engine-1', 'half-open probe')!;
    expect(probe.itemId).toBe(ids[0]);
    const r = f.queue.finishAndClaim(probe, { kind: 'failed', failure: { ...error, permanent: false } }, 'ingest');
    expect(r).toMatchObject({ finished: true, next: undefined });
    expect(f.store.queuePorts.parking.unpark('ingest', f.clock.now())).toBe(1);
    f.clock.advance(60_000);
    expect(f.queue.promoteDue()).toBe(1);
    for (const id of ids) expectChainWhole(f, id);
  });

  it('the schedule adds an item with its first event, refuses the same audio twice, and starts a discarded one over', () => {
    const f = queueFixture(tempDir());
    const { schedule, actions } = f.store.queuePorts;
    const now = f.clock.now();
    const item = fakeItem();
    const first = { type: 'added', actor: 'user', detail: item.sourcePath } as const;
    const job0 = { stage: 'ingest' as const, maxAttempts: 3, runAt: now };
    const added = schedule.enqueue(item, job0, now, first);
    expect(added.outcome).toBe('added');
    expect(job(f, added.itemId)).toMatchObject({ stage: 'ingest', state: 'queued', attempts: 0 });
    expect(schedule.hasQueued('ingest')).toBe(true);
    expect(schedule.hasQueued('transcribe')).toBe(false);
    expect(schedule.enqueue(item, job0, now, first)).toEqual({ outcome: 'duplicate', itemId: added.itemId });
    expect(actions.discard(added.itemId, now)).toBe('discarded');
    const again = schedule.enqueue({ ...item, sourcePath: '/elsewhere/b.wav' }, job0, now, first);
    expect(again).toEqual({ outcome: 'readded', itemId: added.itemId });
    expect(job(f, added.itemId).state).toBe('queued');
    expect(timeline(f, added.itemId).map((e) => e.type)).toEqual(['added', 'discarded', 'readded']);
    expectChainWhole(f, added.itemId);
  });

  it('the schedule holds a later job as scheduled, names when it is due, and promotes it with a "due" event', () => {
    const f = queueFixture(tempDir());
    const { schedule } = f.store.queuePorts;
    const now = f.clock.now();
    const later = schedule.enqueue(fakeItem(), { stage: 'ingest', maxAttempts: 3, runAt: now + 60_000 }, now, {
      type: 'added',
      actor: 'user',
    });
    expect(job(f, later.itemId).state).toBe('scheduled');
    expect(schedule.hasQueued('ingest')).toBe(false);
    expect(schedule.nextDueAt()).toBe(now + 60_000);
    expect(schedule.promoteDue(now + 59_999)).toBe(0);
    expect(schedule.promoteDue(now + 60_000)).toBe(1);
    expect(job(f, later.itemId).state).toBe('queued');
    expect(schedule.nextDueAt()).toBeNull();
    expect(timeline(f, later.itemId).at(-1)!.type).toBe('due');
    expectChainWhole(f, later.itemId);
  });

  it('a heartbeat renews only the live lease, and moves the progress time only when the progress moved', () => {
    const f = queueFixture(tempDir());
    const { runs, leases } = f.store.queuePorts;
    const j = running(f);
    const t0 = f.clock.now();
    const progress = { step: 'copy', percent: 10, message: null };
    expect(runs.renewLease(j, t0 + 1_000, 30_000, progress)).toBe(true);
    expect(leases.one(j.itemId)).toMatchObject({
      expiresAt: t0 + 31_000,
      heartbeatAt: t0 + 1_000,
      progressStep: 'copy',
      progressPercent: 10,
      progressChangedAt: t0 + 1_000,
    });
    expect(runs.renewLease(j, t0 + 2_000, 30_000, progress)).toBe(true);
    expect(leases.one(j.itemId)).toMatchObject({ heartbeatAt: t0 + 2_000, progressChangedAt: t0 + 1_000 });
    expect(runs.renewLease(j, t0 + 3_000, 30_000, null)).toBe(true);
    expect(leases.one(j.itemId)).toMatchObject({ expiresAt: t0 + 33_000, progressChangedAt: t0 + 1_000 });
    // A stale token (the job was claimed again) renews nothing.
    expect(runs.renewLease({ itemId: j.itemId, token: j.token - 1 }, t0 + 4_000, 30_000, null)).toBe(false);
    expect(runs.renewLease({ itemId: j.itemId, token: j.token - 1 }, t0 + 4_000, 30_000, progress)).toBe(false);
    expect(leases.one(j.itemId)!.heartbeatAt).toBe(t0 + 3_000);
    // No event: a heartbeat is not a transition.
    expect(timeline(f, j.itemId).map((e) => e.type)).toEqual(['added', 'started']);
  });

  it('a job waiting for its worker reads as not begun until the worker takes it, fenced by its lease, with no event', () => {
    const f = queueFixture(tempDir());
    const { runs, leases } = f.store.queuePorts;
    const j = running(f);
    // A claim handed to a ready worker at once is begun: the claim writes no mark.
    expect(leases.one(j.itemId)!.awaitingWorkerSince).toBeNull();
    const t0 = f.clock.now();
    expect(f.queue.awaitWorker(j)).toBe(true);
    expect(leases.one(j.itemId)!.awaitingWorkerSince).toBe(t0);
    // Renewing the lease while the worker starts leaves the mark where it is.
    f.clock.advance(1_000);
    expect(f.queue.heartbeat(j, null)).toBe(true);
    expect(leases.all()[0]!.awaitingWorkerSince).toBe(t0);
    expect(f.queue.workBegins(j)).toBe(true);
    expect(leases.one(j.itemId)!.awaitingWorkerSince).toBeNull();
    // A stale token marks nothing; a finished run has no lease to mark.
    expect(runs.markAwaitingWorker({ itemId: j.itemId, token: j.token - 1 }, t0)).toBe(false);
    expect(leases.one(j.itemId)!.awaitingWorkerSince).toBeNull();
    expect(f.queue.finish(j, { kind: 'succeeded' })).toBe(true);
    expect(f.queue.awaitWorker(j)).toBe(false);
    expect(f.queue.workBegins(j)).toBe(false);
    expect(timeline(f, j.itemId).map((e) => e.type)).toEqual(['added', 'started', 'succeeded']);
    expectChainWhole(f, j.itemId);
  });

  it('parking gives the newest reason to jobs already waiting, and a probe takes the job waiting longest', () => {
    const f = queueFixture(tempDir());
    const { parking, runs } = f.store.queuePorts;
    const a = f.queue.add(fakeItem()).itemId;
    expect(parking.park('ingest', 'no engine configured', f.clock.now())).toBe(1);
    f.clock.advance(1_000);
    const b = f.queue.add(fakeItem()).itemId;
    expect(parking.park('ingest', 'breaker open', f.clock.now())).toBe(1);
    const reasons = f.store.db.prepare(`SELECT wait_reason FROM jobs ORDER BY item_id`).pluck().all();
    expect(reasons).toEqual(['breaker open', 'breaker open']);
    const probe = runs.claimProbe({ stage: 'ingest', owner: 'engine-1', leaseMs: 30_000 }, f.clock.now(), 'probe')!;
    expect(probe.itemId).toBe(a);
    expect(job(f, a)).toMatchObject({ state: 'running', attempts: 1 });
    expect(job(f, b).state).toBe('waiting');
    expect(timeline(f, a).at(-1)!.detail).toBe('attempt 1 of 3; probe');
    for (const id of [a, b]) expectChainWhole(f, id);
  });

  it('lease reads find every live lease, the expired ones, by item and by owner', () => {
    const f = queueFixture(tempDir());
    const { leases } = f.store.queuePorts;
    const ids = [f.queue.add(fakeItem()).itemId, f.queue.add(fakeItem()).itemId, f.queue.add(fakeItem()).itemId];
    const t0 = f.clock.now();
    const a = f.queue.claim('ingest', 'engine-1')!;
    f.clock.advance(10_000);
    const b = f.queue.claim('ingest', 'engine-2')!;
    expect(leases.all().map((l) => l.itemId)).toEqual([ids[0], ids[1]]);
    expect(leases.one(ids[2]!)).toBeUndefined();
    expect(leases.one(a.itemId)).toMatchObject({ token: a.token, owner: 'engine-1', stage: 'ingest', attempts: 1 });
    expect(leases.of([ids[2]!, b.itemId]).map((l) => l.itemId)).toEqual([b.itemId]);
    expect(leases.owners().sort()).toEqual(['engine-1', 'engine-2']);
    expect(leases.ownedBy('engine-2').map((l) => l.itemId)).toEqual([b.itemId]);
    const leaseMs = f.queue.policy('ingest').leaseMs;
    expect(leases.expired(f.clock.now())).toEqual([]);
    // Only a's lease has run out just after its length; b was claimed 10 s later.
    expect(leases.expired(t0 + leaseMs + 1).map((l) => l.itemId)).toEqual([a.itemId]);
  });

  it('after a suspend, own leases shift by the time asleep and the others expire no sooner than the floor', () => {
    const f = queueFixture(tempDir());
    const { leases, suspend } = f.store.queuePorts;
    f.queue.add(fakeItem());
    f.queue.add(fakeItem());
    const own = f.queue.claim('ingest', 'engine-1')!;
    const other = f.queue.claim('ingest', 'engine-2')!;
    const before = { own: leases.one(own.itemId)!, other: leases.one(other.itemId)! };
    const jump = 3_600_000;
    const floor = f.clock.now() + jump + 1_000;
    expect(suspend.extend('engine-1', jump, floor)).toBe(2);
    expect(leases.one(own.itemId)).toMatchObject({
      acquiredAt: before.own.acquiredAt + jump,
      progressChangedAt: before.own.progressChangedAt + jump,
      expiresAt: Math.max(before.own.expiresAt + jump, floor),
    });
    expect(leases.one(other.itemId)).toMatchObject({ acquiredAt: before.other.acquiredAt, expiresAt: floor });
    // A lease already past the floor is left alone.
    expect(suspend.extend('engine-1', 0, f.clock.now())).toBe(1);
  });

  it('a re-run sends a done item back from the stage asked, once, with its event on the chain', () => {
    const f = queueFixture(tempDir());
    const { actions } = f.store.queuePorts;
    const j = done(f);
    expect(job(f, j.itemId).state).toBe('done');
    expect(actions.rerun(j.itemId, next(f), f.clock.now())).toBe('rerun');
    expect(job(f, j.itemId)).toMatchObject({ stage: 'transcribe', state: 'queued', attempts: 0 });
    expect(f.store.db.prepare(`SELECT from_stage FROM reruns WHERE item_id = ?`).pluck().get(j.itemId)).toBe(
      'transcribe',
    );
    expect(actions.rerun(j.itemId, next(f), f.clock.now())).toBe('not_rerunnable');
    expect(actions.rerun(999, next(f), f.clock.now())).toBeNull();
    expect(timeline(f, j.itemId).at(-1)!.type).toBe('rerun');
    expectChainWhole(f, j.itemId);
  });

  it('cancelling a re-run puts the item back to done where it finished, drops what the re-run staged, and says so', () => {
    const f = queueFixture(tempDir());
    const { actions } = f.store.queuePorts;
    const j = done(f);
    const doneAt = job(f, j.itemId).stage;
    expect(actions.rerun(j.itemId, next(f), f.clock.now())).toBe('rerun');
    f.store.db
      .prepare(`INSERT INTO rerun_memories (item_id, memories, extractor) VALUES (?, '[]', 'rules')`)
      .run(j.itemId);
    expect(actions.cancel(j.itemId, f.clock.now())).toBe('cancelled');
    expect(job(f, j.itemId)).toMatchObject({ stage: doneAt, state: 'done' });
    const left = (table: string) =>
      f.store.db.prepare(`SELECT count(*) FROM ${table} WHERE item_id = ?`).pluck().get(j.itemId);
    expect([left('reruns'), left('rerun_memories')]).toEqual([0, 0]);
    expect(timeline(f, j.itemId).at(-1)).toMatchObject({ type: 'cancelled', actor: 'user' });
    expect(timeline(f, j.itemId).at(-1)!.detail).toMatch(/^Transcribe again stopped \(was queued\): the item is done/);
    // Done again, it is not cancellable; and an ordinary item's cancel is unchanged.
    expect(actions.cancel(j.itemId, f.clock.now())).toBe('not_cancellable');
    const other = running(f);
    expect(actions.cancel(other.itemId, f.clock.now())).toBe('cancelled');
    expect(job(f, other.itemId).state).toBe('cancelled');
    expectChainWhole(f, j.itemId);
  });
});
