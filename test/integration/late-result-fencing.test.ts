import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { dataPaths } from '../../src/main/config/data-dir';
import { openLifeline } from '../../src/main/lifeline';
import { testStages } from '../support/test-stages';
import { startTestServe } from '../support/test-serve-process';
import { seedTestItems } from '../support/seeded-test-items';
import { waitFor } from '../support/wait-for';
import { workerPidsOf } from '../support/worker-processes';

const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

const timing = { LIFELINE_HEARTBEAT_MS: '200', LIFELINE_LEASE_MS: '1000', LIFELINE_HEALTH_STARTUP_TIMEOUT_MS: '0' };

describe('fencing with real processes', () => {
  it('refuses the late output of a worker presumed dead after its job was claimed again: the item has exactly one output', async () => {
    const { dataDir, ids } = seedTestItems(['slow-once-1.wav']);
    const id = ids.get('slow-once-1.wav')!;
    const db = new Database(dataPaths(dataDir).database, { readonly: true });

    // Engine A: one worker, and no stuck scan of its own, so nothing kills its frozen worker.
    const a = await startTestServe(dataDir, {
      ...timing,
      LIFELINE_WORKERS: '1',
      LIFELINE_STUCK_SCAN_MS: '600000',
      LIFELINE_TEST_SLOW_MS: '4000',
    });
    cleanup.push(() => a.child.kill('SIGKILL'));
    // Running in its worker (which reports progress first), not waiting for the worker to start.
    const held = await waitFor(
      'engine A to run the item',
      () =>
        db.prepare(`SELECT token, owner FROM leases WHERE item_id = ? AND progress_step IS NOT NULL`).get(id) as
          { token: number; owner: string } | undefined,
      30_000,
    );
    expect(held.owner).toContain(`:${a.pid}:`);
    // Its one worker, by what it runs: A (run through tsx) may also have esbuild's service as a child.
    const workers = workerPidsOf(a.pid);
    expect(workers).toHaveLength(1);
    const [workerPid] = workers;
    // The worker freezes (a stuck native call, a paging storm): no heartbeat, no result.
    process.kill(workerPid!, 'SIGSTOP');
    cleanup.push(() => {
      try {
        process.kill(workerPid!, 'SIGKILL');
      } catch {
        // already gone
      }
    });

    // Engine B sees the lease expire, recovers the job, claims it again and finishes the item.
    const b = openLifeline({
      dataDir,
      withEngine: true,
      processName: 'engine-b',
      stages: testStages,
      env: { ...timing, LIFELINE_WORKERS: '0', LIFELINE_STUCK_SCAN_MS: '100' },
    });
    cleanup.push(() => b.close(0));
    await b.start();
    await waitFor('engine B to finish the item', () => b.store.reads.summary(id)!.state === 'done', 20_000);

    // A's worker wakes up and, its stage unaware, writes its result: the fence refuses it.
    process.kill(workerPid!, 'SIGCONT');
    const refused = await waitFor(
      'the late write to be refused',
      () =>
        db.prepare(`SELECT token, pid FROM test_refused WHERE item_id = ?`).get(id) as
          { token: number; pid: number } | undefined,
      20_000,
    );
    expect(refused).toEqual({ token: held.token, pid: workerPid });

    const outputs = db.prepare(`SELECT stage, token FROM test_outputs WHERE item_id = ? ORDER BY stage`).all(id) as {
      stage: string;
      token: number;
    }[];
    expect(outputs.map((o) => o.stage)).toEqual(['ingest', 'transcribe']);
    expect(outputs[0]!.token).toBeGreaterThan(held.token);
    const types = db.prepare(`SELECT type, stage FROM events WHERE item_id = ? ORDER BY id`).all(id);
    expect(types).toEqual([
      { type: 'added', stage: 'ingest' },
      { type: 'started', stage: 'ingest' },
      { type: 'recovered', stage: 'ingest' },
      { type: 'started', stage: 'ingest' },
      { type: 'succeeded', stage: 'ingest' },
      { type: 'started', stage: 'transcribe' },
      { type: 'succeeded', stage: 'transcribe' },
    ]);
    expect(b.store.recoveryLog.forItem(id)).toMatchObject([
      { rule: 'lease_expired', strategy: 'restart', outcome: 'requeued', trigger: 'scan' },
    ]);

    await b.close();
    a.child.kill('SIGTERM');
    expect((await a.done).code, a.output()).toBe(0);
    expect(db.prepare(`SELECT count(*) FROM leases`).pluck().get()).toBe(0);
    db.close();
  });
});
