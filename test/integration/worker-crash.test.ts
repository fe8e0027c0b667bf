import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { dataPaths } from '../../src/main/config/data-dir';
import { startTestServe, type TestServe } from '../support/test-serve-process';
import { seedTestItems } from '../support/seeded-test-items';
import { waitFor } from '../support/wait-for';
import { workerPidsOf } from '../support/worker-processes';

const leaseMs = 1500;
const env = {
  LIFELINE_WORKERS: '2',
  LIFELINE_HEARTBEAT_MS: '200',
  LIFELINE_LEASE_MS: String(leaseMs),
  LIFELINE_STUCK_SCAN_MS: '200',
  LIFELINE_IDLE_POLL_MS: '50',
  LIFELINE_CONCURRENCY_INGEST: '2',
  LIFELINE_CONCURRENCY_TRANSCRIBE: '2',
};

const seed = seedTestItems;

const running: TestServe[] = [];
afterEach(() => {
  for (const s of running.splice(0)) s.child.kill('SIGKILL');
});

async function allDone(serve: TestServe, n: number) {
  await waitFor(
    'every item to be done',
    async () => (await serve.call('overview:get', {})).totals.done === n,
    30_000,
    100,
  );
}

function eventTypes(db: Database.Database, itemId: number): string[] {
  return db.prepare(`SELECT type FROM events WHERE item_id = ? ORDER BY id`).pluck().all(itemId) as string[];
}

describe('crash-isolated workers', () => {
  it('survives workers that abort(), throw an uncaught error or run out of memory mid-job: engine and server stay up, each job is recovered, other items are unaffected', async () => {
    const others = Array.from({ length: 6 }, (_, i) => `memo-${i}.wav`);
    const crashing = ['abort-once-1.wav', 'throw-once-2.wav', 'oom-once-3.wav'];
    const { dataDir, ids } = seed([...crashing, ...others]);
    const serve = await startTestServe(dataDir, { ...env, LIFELINE_WORKER_MAX_HEAP_MB: '192' });
    running.push(serve);
    await allDone(serve, ids.size);

    const overview = await serve.call('system:overview', {});
    expect(overview.engine).toMatchObject({ running: true, mode: 'worker-processes' });
    expect(overview.engine.workers!.recentCrashes).toBe(3);
    // Workers start on demand: the ones the last jobs started are still there, idle.
    await waitFor(
      'the pool to have workers again',
      async () => (await serve.call('system:overview', {})).engine.workers!.ready >= 1,
    );
    expect(serve.child.exitCode).toBeNull();

    const db = new Database(dataPaths(dataDir).database, { readonly: true });
    for (const name of crashing) {
      const crashed = ids.get(name)!;
      expect(
        db.prepare(`SELECT rule, trigger, strategy, outcome FROM recovery_log WHERE item_id = ?`).all(crashed),
        name,
      ).toEqual([{ rule: 'worker_gone', trigger: 'worker_exit', strategy: 'restart', outcome: 'requeued' }]);
      expect(eventTypes(db, crashed)).toEqual([
        'added',
        'started',
        'recovered',
        'started',
        'succeeded',
        'started',
        'succeeded',
      ]);
    }
    const how = db.prepare(`SELECT rule_detail FROM recovery_log ORDER BY item_id`).pluck().all() as string[];
    expect(how[0]).toContain('killed by SIGABRT');
    expect(how[1]).toContain('exited with code 1');
    expect(how[2]).toMatch(/killed by SIGABRT|exited with code/);
    for (const name of others)
      expect(eventTypes(db, ids.get(name)!)).toEqual(['added', 'started', 'succeeded', 'started', 'succeeded']);
    db.close();

    serve.child.kill('SIGTERM');
    expect((await serve.done).code).toBe(0);
  });

  it('detects a worker that stops heartbeating within twice the heartbeat timeout, kills it, and recovers its job', async () => {
    const others = Array.from({ length: 4 }, (_, i) => `memo-${i}.wav`);
    const { dataDir, ids } = seed(['hang-once-1.wav', ...others]);
    const serve = await startTestServe(dataDir, env);
    running.push(serve);
    await allDone(serve, ids.size);

    const db = new Database(dataPaths(dataDir).database, { readonly: true });
    const hung = ids.get('hang-once-1.wav')!;
    const row = db
      .prepare(`SELECT rule, trigger, strategy, stalled_since, detected_at FROM recovery_log WHERE item_id = ?`)
      .get(hung) as {
      rule: string;
      trigger: string;
      strategy: string;
      stalled_since: number;
      detected_at: number;
    };
    expect(row).toMatchObject({ rule: 'lease_expired', trigger: 'scan', strategy: 'restart' });
    // From its last heartbeat to detection: the lease runs out (1×), plus at most one scan interval.
    expect(row.detected_at - row.stalled_since).toBeLessThanOrEqual(2 * leaseMs);
    for (const name of others)
      expect(eventTypes(db, ids.get(name)!)).toEqual(['added', 'started', 'succeeded', 'started', 'succeeded']);
    db.close();

    // The watchdog killed the spinning worker; the next jobs started new ones, still there, idle.
    await waitFor('live workers', () => workerPidsOf(serve.pid).length >= 1);
    serve.child.kill('SIGTERM');
    expect((await serve.done).code).toBe(0);
  });

  it('stops gracefully on SIGTERM with worker processes: a short job finishes, a long one is released with its attempt refunded, exit 0', async () => {
    const { dataDir, ids } = seed(['slow-once-long.wav', 'pause-600-short.wav']);
    const serve = await startTestServe(dataDir, {
      ...env,
      LIFELINE_SHUTDOWN_GRACE_MS: '800',
      LIFELINE_WORKER_STOP_MS: '300',
      LIFELINE_TEST_SLOW_MS: '60000',
    });
    running.push(serve);
    const long = ids.get('slow-once-long.wav')!;
    const short = ids.get('pause-600-short.wav')!;
    // Running in a worker: a job claimed while its worker starts shows no progress yet.
    const runningNow = async (id: number) => {
      const item = await serve.call('items:get', { id });
      return item.state === 'running' && item.progress !== null;
    };
    await waitFor(
      'both jobs to run in their workers',
      async () => (await runningNow(long)) && (await runningNow(short)),
    );
    serve.child.kill('SIGTERM');
    const end = await serve.done;
    expect(end.code, serve.output()).toBe(0);
    expect(serve.output()).toContain('stopped finished=1 released=1');

    const db = new Database(dataPaths(dataDir).database, { readonly: true });
    expect(db.prepare(`SELECT state, attempts FROM jobs WHERE item_id = ?`).get(long)).toEqual({
      state: 'queued',
      attempts: 0,
    });
    expect(eventTypes(db, long).at(-1)).toBe('released');
    expect(db.prepare(`SELECT count(*) FROM leases`).pluck().get()).toBe(0);
    expect(eventTypes(db, short)).toEqual(['added', 'started', 'succeeded']);
    expect(db.prepare(`SELECT stage, state FROM jobs WHERE item_id = ?`).get(short)).toEqual({
      stage: 'transcribe',
      state: 'queued',
    });
    db.close();
    expect(workerPidsOf(serve.pid)).toEqual([]);
  });
});

describe('the API during the shutdown drain', () => {
  it('answers "stopping" (503 STOPPING) while running jobs finish, instead of refusing connections', async () => {
    const { dataDir, ids } = seed(['pause-4000-long.wav']);
    const serve = await startTestServe(dataDir, env);
    running.push(serve);
    const id = ids.get('pause-4000-long.wav')!;
    await waitFor('the job to run', async () => (await serve.call('items:get', { id })).state === 'running');
    serve.child.kill('SIGTERM');
    const answer = await waitFor('the API to say it is stopping', async () => {
      const res = await fetch(new URL('api/call/items:get', serve.url), {
        method: 'POST',
        headers: { authorization: 'Bearer test-token', 'content-type': 'application/json' },
        body: JSON.stringify({ id }),
      });
      return res.status === 503 && ((await res.json()) as { ok: false; error: { code: string; message: string } });
    });
    expect(answer).toMatchObject({
      ok: false,
      error: { code: 'STOPPING', message: expect.stringContaining('Lifeline is stopping') },
    });
    expect((await serve.done).code).toBe(0);
    expect(serve.output()).toContain('stopped finished=1 released=0');
  });
});
