import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defaultConfig } from '../src/main/config/config';
import { dataPaths } from '../src/main/config/data-dir';
import { Queue } from '../src/main/queue/queue';
import type { ClaimedJob } from '../src/main/queue/queue-store';
import { openStore, type Store } from '../src/main/store/store';
import { systemClock } from '../src/main/time/clock';
import { fmt, median, report } from './bench-table';
import { createFloorQueue } from './queue-floor';

function tmp(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'lifeline-bench-'));
}

function lifelineQueue(dir: string): { store: Store; queue: Queue } {
  const store = openStore(dataPaths(dir));
  // One stage: completing it makes the item done, like the floor's single job.
  const queue = new Queue(store.queuePorts, {
    stageOrder: ['ingest'],
    policies: defaultConfig.stages,
    clock: systemClock,
  });
  return { store, queue };
}

const hashes = (n: number) =>
  Array.from({ length: n }, (_, i) => crypto.createHash('sha256').update(`bench-${i}-${Math.random()}`).digest('hex'));

function item(sha256: string, i: number) {
  return { sha256, sourcePath: `/bench/${i}.wav`, fileName: `${i}.wav`, sizeBytes: 1000, priority: 0 };
}

/** Enqueue → claim → complete per job, as the engine's worker loop does it (finish + claim next in one commit). */
/** Jobs per second, and the process's CPU time (user + system) per job in µs: the figure load does not stretch. */
interface Run {
  rate: number;
  cpuMicros: number;
}

const cpuMicros = (since: NodeJS.CpuUsage) => {
  const c = process.cpuUsage(since);
  return c.user + c.system;
};

function runLifeline(n: number, combined: boolean): Run {
  const dir = tmp();
  const { store, queue } = lifelineQueue(dir);
  const shas = hashes(n);
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  let job: ClaimedJob | undefined;
  for (let i = 0; i < n; i++) {
    queue.add(item(shas[i]!, i));
    if (combined) {
      job = job ? queue.finishAndClaim(job, { kind: 'succeeded' }, 'ingest').next : queue.claim('ingest', 'bench');
    } else {
      queue.finish(queue.claim('ingest', 'bench')!, { kind: 'succeeded' });
    }
  }
  if (job) queue.finish(job, { kind: 'succeeded' });
  const seconds = (performance.now() - t0) / 1000;
  const cpu = cpuMicros(c0);
  const done = store.reads.overview().totals.done;
  store.close();
  fs.rmSync(dir, { recursive: true, force: true });
  if (done !== n) throw new Error(`lifeline finished ${done} of ${n} jobs`);
  return { rate: n / seconds, cpuMicros: cpu / n };
}

function runFloor(n: number): Run {
  const dir = tmp();
  const floor = createFloorQueue(path.join(dir, 'floor.db'));
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  for (let i = 0; i < n; i++) {
    floor.enqueue(`/bench/${i}.wav`);
    floor.complete(floor.claim('bench')!);
  }
  const seconds = (performance.now() - t0) / 1000;
  const cpu = cpuMicros(c0);
  floor.close();
  fs.rmSync(dir, { recursive: true, force: true });
  return { rate: n / seconds, cpuMicros: cpu / n };
}

/** A store with `depth` jobs still queued after `extra` more are claimed (filled in bulk, warmed up). */
function filledQueue(depth: number, extra: number): { dir: string; store: Store; queue: Queue } {
  const dir = tmp();
  const { store, queue } = lifelineQueue(dir);
  const now = Date.now();
  const warm = 200;
  const rows = depth + warm + extra;
  store.db.transaction(() => {
    store.db
      .prepare(
        `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < @rows)
         INSERT INTO items (sha256, source_path, file_name, size_bytes, created_at)
         SELECT randomblob(32), '/bench/' || i || '.wav', i || '.wav', 1000, @now FROM n`,
      )
      .run({ rows, now });
    store.db
      .prepare(
        `INSERT INTO jobs (item_id, stage, state, priority, run_at, max_attempts, updated_at)
         SELECT id, 'ingest', 'queued', 0, @now, 3, @now FROM items`,
      )
      .run({ now });
  })();
  for (let i = 0; i < warm; i++) queue.finish(queue.claim('ingest', 'bench')!, { kind: 'succeeded' });
  return { dir, store, queue };
}

/** Mean µs of one claim over `claims` claims (completion is timed by the lifecycle bench). */
function claimBatch(queue: Queue, claims: number): number {
  let spent = 0;
  for (let i = 0; i < claims; i++) {
    const t = performance.now();
    const job = queue.claim('ingest', 'bench')!;
    spent += performance.now() - t;
    queue.finish(job, { kind: 'succeeded' });
  }
  return (spent * 1000) / claims;
}

/**
 * µs of one claim with `small` and with `big` jobs queued: batches at the two depths alternate, so a
 * change of machine load meets both alike; the median batch of each depth is reported.
 */
function claimCosts(small: number, big: number, claims: number, batches: number): { small: number; big: number } {
  const per = Math.ceil(claims / batches);
  const a = filledQueue(small, per * batches);
  const b = filledQueue(big, per * batches);
  const xs: number[] = [];
  const ys: number[] = [];
  for (let i = 0; i < batches; i++) {
    xs.push(claimBatch(a.queue, per));
    ys.push(claimBatch(b.queue, per));
  }
  for (const q of [a, b]) {
    q.store.close();
    fs.rmSync(q.dir, { recursive: true, force: true });
  }
  return { small: median(xs), big: median(ys) };
}

export function queueBench(quick: boolean): void {
  const n = quick ? 8_000 : 40_000;
  const rounds = quick ? 3 : 5;
  const floorRuns: Run[] = [];
  const lifelineRuns: Run[] = [];
  const separateRuns: Run[] = [];
  for (let r = 0; r < rounds; r++) {
    floorRuns.push(runFloor(n));
    lifelineRuns.push(runLifeline(n, true));
    separateRuns.push(runLifeline(n, false));
  }
  const [floor, lifeline, separate] = [floorRuns, lifelineRuns, separateRuns].map((runs) => runs.map((x) => x.rate));
  const f = median(floor!);
  const l = median(lifeline!);
  const s = median(separate!);
  const fCpu = median(floorRuns.map((x) => x.cpuMicros));
  const lCpu = median(lifelineRuns.map((x) => x.cpuMicros));
  const bigDepth = quick ? 100_000 : 1_000_000;
  const claims = quick ? 2_000 : 5_000;
  const { small, big } = claimCosts(1_000, bigDepth, claims, 5);
  report(
    `Queue lifecycle (enqueue → claim → complete, events included; median of ${rounds} rounds of ${fmt(n)} jobs, real files)`,
    'queue',
    [
      {
        name: 'floor: minimal better-sqlite3 queue',
        value: `${fmt(f)} jobs/s`,
        note: 'WAL, 1 transaction per step, jobs + events',
      },
      {
        name: 'lifeline (engine path)',
        value: `${fmt(l)} jobs/s`,
        note: 'finish + claim-next share one commit, as the worker loop does',
      },
      {
        name: 'lifeline (3 separate commits)',
        value: `${fmt(s)} jobs/s`,
        note: 'claim and complete each their own transaction',
      },
      {
        name: 'ratio lifeline / floor',
        value: `${fmt(l / f, 2)}×`,
        note: `goal ≥ 0.85× (separate commits: ${fmt(s / f, 2)}×)`,
      },
      {
        name: 'CPU per job, floor / lifeline',
        value: `${fmt(fCpu, 1)} / ${fmt(lCpu, 1)} µs`,
        note: `lifeline / floor by CPU time: ${fmt(fCpu / lCpu, 2)}× (machine load stretches wall time, not this)`,
      },
      {
        name: 'claim cost, 1,000 queued',
        value: `${fmt(small, 1)} µs`,
        note: 'median of 5 batches, alternating depths',
      },
      {
        name: `claim cost, ${fmt(bigDepth)} queued`,
        value: `${fmt(big, 1)} µs`,
        note: `${fmt(big / small, 2)}× of 1,000 (goal ≤ 1.5×)`,
      },
    ],
    {
      jobs: n,
      rounds,
      floor,
      lifeline,
      separate,
      cpuMicrosPerJob: { floor: fCpu, lifeline: lCpu },
      claimCostMicros: { 1000: small, [bigDepth]: big },
    },
  );
}
