import crypto from 'node:crypto';
import Database from 'better-sqlite3';
import { expect } from 'vitest';
import { defaultConfig } from '../../src/main/config/config';
import { dataPaths } from '../../src/main/config/data-dir';
import { Queue } from '../../src/main/queue/queue';
import { openStore } from '../../src/main/store/store';
import { systemClock } from '../../src/main/time/clock';
import { ensureTestTables } from './test-stages';
import { spawnTestServe, startTestServe } from './test-serve-process';
import { waitFor } from './wait-for';

export const chaosStages = ['ingest', 'transcribe'] as const;

export const chaosEnv = {
  LIFELINE_WORKERS: '2',
  LIFELINE_HEARTBEAT_MS: '200',
  LIFELINE_LEASE_MS: '2000',
  LIFELINE_STUCK_SCAN_MS: '250',
  LIFELINE_IDLE_POLL_MS: '50',
  LIFELINE_CONCURRENCY_INGEST: '2',
  LIFELINE_CONCURRENCY_TRANSCRIBE: '2',
  LIFELINE_HEALTH_STARTUP_TIMEOUT_MS: '5000',
  LIFELINE_TEST_MIN_MS: '5',
  LIFELINE_TEST_MAX_MS: '40',
};

interface EventRow {
  id: number;
  item_id: number;
  type: string;
  stage: string;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const closers = new Set(['succeeded', 'validated', 'recovered', 'released', 'retry_scheduled', 'dead']);

/** `items` queued items for the two test stages, in a new store at `dataDir`. */
export function seedChaosItems(dataDir: string, items: number): void {
  const store = openStore(dataPaths(dataDir));
  ensureTestTables(store);
  const queue = new Queue(store.queuePorts, {
    stageOrder: chaosStages,
    policies: defaultConfig.stages,
    clock: systemClock,
  });
  for (let i = 0; i < items; i++) {
    queue.add({
      sha256: crypto.randomBytes(32).toString('hex'),
      sourcePath: `/chaos/${i}.wav`,
      fileName: `${i}.wav`,
      sizeBytes: 1,
      priority: 0,
    });
  }
  store.close();
}

/**
 * Kills the engine process with SIGKILL `kills` times at random moments (mid-startup or mid-work),
 * then lets a last one finish everything, and checks that every item went through both stages
 * exactly once: one output per stage written by the run that counted, every start closed once, a
 * recovery row for each recovery, no lease left.
 */
export async function killEngineRepeatedlyAndCheck(dataDir: string, items: number, kills: number): Promise<void> {
  const db = new Database(dataPaths(dataDir).database, { readonly: true });
  const holds = db.prepare(`SELECT count(*) FROM leases WHERE owner LIKE ?`).pluck();
  const outputCount = db.prepare(`SELECT count(*) FROM test_outputs`).pluck();
  for (let k = 0; k < kills; k++) {
    const before = outputCount.get() as number;
    const p = spawnTestServe(dataDir, chaosEnv);
    if (k % 2 === 0) {
      // Anywhere from mid-startup (recovery sweep, workers starting for the first jobs) to early work.
      await sleep(100 + Math.random() * 1400);
    } else {
      // Mid-work: once this engine's workers run its jobs (one has written its output; workers start
      // on demand, so a held job may still wait for its worker), at a random moment of a later run.
      await waitFor(
        'the new engine to run jobs',
        () => (holds.get(`%:${p.child.pid}:%`) as number) > 0 && (outputCount.get() as number) > before,
        20_000,
        5,
      );
      await sleep(Math.random() * 400);
    }
    p.child.kill('SIGKILL');
    const end = await p.done;
    expect(end.signal, p.output()).toBe('SIGKILL');
  }
  const last = await startTestServe(dataDir, chaosEnv);
  const done = () => db.prepare(`SELECT count(*) FROM jobs WHERE state = 'done'`).pluck().get() as number;
  await waitFor('every item to be done', () => done() === items, 40_000, 100).catch((err: unknown) => {
    last.child.kill('SIGKILL');
    // Say what is stuck, not only that something is.
    const states = db
      .prepare(`SELECT stage, state, error_code, error_message, count(*) AS n FROM jobs GROUP BY 1, 2, 3, 4`)
      .all();
    const leases = db.prepare(`SELECT item_id, owner, stage, expires_at FROM leases LIMIT 5`).all();
    throw new Error(
      `${(err as Error).message}: jobs ${JSON.stringify(states)}, leases ${JSON.stringify(leases)}\n${last.output().slice(-2000)}`,
    );
  });
  last.child.kill('SIGTERM');
  expect((await last.done).code, last.output()).toBe(0);

  expect(db.prepare(`SELECT count(*) FROM leases`).pluck().get()).toBe(0);
  expect(db.prepare(`SELECT state, count(*) AS n FROM jobs GROUP BY state`).all()).toEqual([
    { state: 'done', n: items },
  ]);

  const events = db.prepare(`SELECT id, item_id, type, stage FROM events ORDER BY item_id, id`).all() as EventRow[];
  const outputs = new Map(
    (
      db.prepare(`SELECT item_id, stage, token FROM test_outputs`).all() as {
        item_id: number;
        stage: string;
        token: number;
      }[]
    ).map((o) => [`${o.item_id}/${o.stage}`, o.token]),
  );
  expect(outputs.size).toBe(items * chaosStages.length);
  let recoveredEvents = 0;
  const byItem = new Map<number, EventRow[]>();
  for (const e of events) byItem.set(e.item_id, [...(byItem.get(e.item_id) ?? []), e]);
  for (const [itemId, evs] of byItem) {
    // Every start is closed exactly once before the next start: the timeline is consistent.
    let open = false;
    let starts = 0;
    const winners = new Map<string, number>();
    for (const e of evs) {
      if (e.type === 'started') {
        expect(open, `item ${itemId}: started twice without a close`).toBe(false);
        open = true;
        starts++;
      } else if (closers.has(e.type)) {
        expect(open, `item ${itemId}: ${e.type} without a start`).toBe(true);
        open = false;
        if (e.type === 'recovered') recoveredEvents++;
        if (e.type === 'succeeded' || e.type === 'validated') {
          expect(winners.has(e.stage), `item ${itemId}: ${e.stage} succeeded twice`).toBe(false);
          // The lease token of the n-th claim of a job is n.
          winners.set(e.stage, starts);
        }
      }
    }
    expect(open).toBe(false);
    for (const stage of chaosStages) {
      // One output per stage, written by the run that counted; no late writer overwrote it.
      expect(outputs.get(`${itemId}/${stage}`), `item ${itemId} ${stage}`).toBe(winners.get(stage));
    }
  }
  const logged = db.prepare(`SELECT count(*) FROM recovery_log`).pluck().get() as number;
  const validated = events.filter((e) => e.type === 'validated').length;
  expect(logged).toBe(recoveredEvents + validated);
  // The kills did hit running work (otherwise this test proves little).
  expect(recoveredEvents + validated).toBeGreaterThan(0);
  db.close();
}
