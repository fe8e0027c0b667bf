import fs from 'node:fs';
import path from 'node:path';
import { defaultConfig } from '../src/main/config/config';
import { dataPaths } from '../src/main/config/data-dir';
import { Queue } from '../src/main/queue/queue';
import type { ClaimedJob } from '../src/main/queue/queue-store';
import { systemClock } from '../src/main/time/clock';
import { openLifeline } from '../src/main/lifeline';
import { openStore } from '../src/main/store/store';
import { insertQueued, tmpDir } from './bench-data';
import { fmt, median, report } from './bench-table';
import { benchStages, benchStagesModule } from './bench-stages';

/** Items/s through a whole engine whose one stage does nothing: what the engine itself costs per item. */
async function engineThroughput(n: number, workers: number): Promise<number> {
  const dir = tmpDir();
  const dataDir = path.join(dir, 'data');
  const store = openStore(dataPaths(dataDir));
  insertQueued(store.db, n, 'ingest');
  store.close();
  const app = openLifeline({
    dataDir,
    withEngine: true,
    processName: 'bench',
    stages: benchStages,
    workerStages: { module: benchStagesModule, export: 'benchStages' },
    env: {
      LIFELINE_WORKERS: String(workers),
      LIFELINE_CONCURRENCY_INGEST: '4',
      LIFELINE_HEALTH_STARTUP_TIMEOUT_MS: '30000',
      LIFELINE_LOG_LEVEL: 'warn',
    },
  });
  await app.start();
  // With worker processes the clock starts at the first finished item, not at start(): the engine
  // starts before its workers are ready (they report "starting"), and their start-up is not per-item
  // overhead. In-process stages are ready at start() (and keep the event loop too busy for an
  // earlier look anyway).
  let t0 = workers > 0 ? 0 : performance.now();
  let doneAtT0 = 0;
  await new Promise<void>((resolve) => {
    const check = () => {
      const done = app.store.reads.overview().totals.done;
      if (t0 === 0 && done > 0) [t0, doneAtT0] = [performance.now(), done];
      if (done >= n) resolve();
      else setTimeout(check, 20);
    };
    check();
  });
  const seconds = (performance.now() - t0) / 1000;
  await app.close(0);
  fs.rmSync(dir, { recursive: true, force: true });
  if (doneAtT0 >= n) throw new Error(`all ${n} items finished before the first look: too few to measure`);
  return (n - doneAtT0) / seconds;
}

/** The same jobs claimed and completed by the queue alone (finish + claim-next in one commit): what the engine adds to. */
function queueOnly(n: number): number {
  const dir = tmpDir();
  const store = openStore(dataPaths(dir));
  insertQueued(store.db, n, 'ingest');
  const queue = new Queue(store.queuePorts, {
    stageOrder: ['ingest'],
    policies: defaultConfig.stages,
    clock: systemClock,
  });
  const t0 = performance.now();
  let job: ClaimedJob | undefined = queue.claim('ingest', 'bench');
  while (job) job = queue.finishAndClaim(job, { kind: 'succeeded' }, 'ingest').next;
  const seconds = (performance.now() - t0) / 1000;
  store.close();
  fs.rmSync(dir, { recursive: true, force: true });
  return n / seconds;
}

export async function engineBench(quick: boolean): Promise<void> {
  const n = quick ? 3_000 : 15_000;
  const rounds = quick ? 1 : 3;
  const inProcess: number[] = [];
  const workers: number[] = [];
  const queue: number[] = [];
  for (let r = 0; r < rounds; r++) {
    queue.push(queueOnly(n));
    inProcess.push(await engineThroughput(n, 0));
    workers.push(await engineThroughput(n, 4));
  }
  const ip = median(inProcess);
  const wp = median(workers);
  const queueJobsPerSecond = median(queue);
  const queueUs = 1e6 / queueJobsPerSecond;
  const overhead = (perSecond: number) => 1e6 / perSecond - queueUs;
  report(
    `Engine per-item overhead (no-op stage, concurrency 4, ${fmt(n)} items${rounds > 1 ? `, median of ${rounds}` : ''})`,
    'engine',
    [
      {
        name: 'queue alone (claim + complete)',
        value: `${fmt(queueJobsPerSecond)} jobs/s`,
        note: `${fmt(queueUs)} µs/job: the store's share`,
      },
      {
        name: 'engine, stages in-process',
        value: `${fmt(ip)} items/s`,
        note: `${fmt(1e6 / ip)} µs/item: ${fmt(overhead(ip))} µs of engine overhead per item`,
      },
      {
        name: 'engine, 4 worker processes',
        value: `${fmt(wp)} items/s`,
        note: `${fmt(1e6 / wp)} µs/item: ${fmt(overhead(wp))} µs of engine overhead per item (IPC both ways)`,
      },
    ],
    { items: n, queue, inProcess, workers },
  );
}
