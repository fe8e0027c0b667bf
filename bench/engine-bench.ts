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
import { benchStagesModule, noopStages } from './bench-stages';
import { stages } from '../src/shared/contract';

/** Every stage may take as many jobs as there are workers: the engine, not a stage's limit, is what is measured. */
const concurrencyEnv = Object.fromEntries(stages.map((s) => [`LIFELINE_CONCURRENCY_${s.toUpperCase()}`, '4']));

/**
 * Items/s through a whole engine whose four stages do nothing: what the engine itself costs per item;
 * with the engine process's CPU per item, which a loaded machine disturbs less than the wall clock.
 */
async function engineThroughput(n: number, workers: number): Promise<{ perSecond: number; cpuUs: number }> {
  const dir = tmpDir();
  const dataDir = path.join(dir, 'data');
  const app = openLifeline({
    dataDir,
    withEngine: true,
    processName: 'bench',
    stages: noopStages,
    workerStages: { module: benchStagesModule, export: 'noopStages' },
    env: {
      LIFELINE_WORKERS: String(workers),
      ...concurrencyEnv,
      LIFELINE_HEALTH_STARTUP_TIMEOUT_MS: '30000',
      LIFELINE_LOG_LEVEL: 'warn',
    },
  });
  await app.start();
  const engine = app.engine!;
  const doneCount = (count: number) =>
    new Promise<void>((resolve) => {
      const check = () => {
        if (app.store.reads.overview().totals.done >= count) resolve();
        else setTimeout(check, 20);
      };
      check();
    });
  // Workers start on demand, one stage each: a warm-up batch starts them, and the measured items arrive
  // once every stage has its worker ready (a worker's start-up is not per-item overhead; the weight bench
  // measures it).
  const warmUp = workers > 0 ? workers * 4 : 0;
  if (warmUp > 0) {
    insertQueued(app.store.db, warmUp, 'ingest', 'warm-up ');
    engine.wake();
    await doneCount(warmUp);
    const expected = Math.min(workers, stages.length);
    while (engine.executor.liveness().ready < expected) await new Promise((r) => setTimeout(r, 20));
  }
  insertQueued(app.store.db, n, 'ingest');
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  engine.wake();
  await doneCount(warmUp + n);
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  await app.close(0);
  fs.rmSync(dir, { recursive: true, force: true });
  return { perSecond: n / seconds, cpuUs: (cpu.user + cpu.system) / n };
}

/**
 * The same items through the same four stages by the queue alone (finish + claim-next in one commit,
 * stage by stage): the store's share of an item, what the engine adds to.
 */
function queueOnly(n: number): number {
  const dir = tmpDir();
  const store = openStore(dataPaths(dir));
  insertQueued(store.db, n, 'ingest');
  const queue = new Queue(store.queuePorts, {
    stageOrder: stages,
    policies: defaultConfig.stages,
    clock: systemClock,
  });
  const t0 = performance.now();
  for (const stage of stages) {
    let job: ClaimedJob | undefined = queue.claim(stage, 'bench');
    while (job) job = queue.finishAndClaim(job, { kind: 'succeeded' }, stage).next;
  }
  const seconds = (performance.now() - t0) / 1000;
  store.close();
  fs.rmSync(dir, { recursive: true, force: true });
  return n / seconds;
}

export async function engineBench(quick: boolean): Promise<void> {
  const n = quick ? 1_000 : 5_000;
  const rounds = quick ? 1 : 3;
  const inProcess: number[] = [];
  const workers: number[] = [];
  const inProcessCpu: number[] = [];
  const workersCpu: number[] = [];
  const queue: number[] = [];
  for (let r = 0; r < rounds; r++) {
    queue.push(queueOnly(n));
    const ipRun = await engineThroughput(n, 0);
    const wpRun = await engineThroughput(n, 4);
    inProcess.push(ipRun.perSecond);
    inProcessCpu.push(ipRun.cpuUs);
    workers.push(wpRun.perSecond);
    workersCpu.push(wpRun.cpuUs);
  }
  const ip = median(inProcess);
  const wp = median(workers);
  const queueItemsPerSecond = median(queue);
  const queueUs = 1e6 / queueItemsPerSecond;
  const overhead = (perSecond: number) => 1e6 / perSecond - queueUs;
  const perStage = (us: number) => `${fmt(us / stages.length)} µs per stage`;
  const cpu = (xs: number[]) => `; engine process CPU ${fmt(median(xs))} µs/item`;
  report(
    `Engine overhead per ${stages.length}-stage item (no-op stages, concurrency 4 each, ${fmt(n)} items${rounds > 1 ? `, median of ${rounds}` : ''}; goal ≤ 500 µs/item with workers)`,
    'engine',
    [
      {
        name: 'queue alone (claim + complete × 4)',
        value: `${fmt(queueItemsPerSecond)} items/s`,
        note: `${fmt(queueUs)} µs/item: the store's share`,
      },
      {
        name: 'engine, stages in-process',
        value: `${fmt(ip)} items/s`,
        note: `${fmt(1e6 / ip)} µs/item: ${fmt(overhead(ip))} µs of engine overhead per item (${perStage(overhead(ip))})${cpu(inProcessCpu)}`,
      },
      {
        name: 'engine, 4 worker processes',
        value: `${fmt(wp)} items/s`,
        note: `${fmt(1e6 / wp)} µs/item: ${fmt(overhead(wp))} µs of engine overhead per item (${perStage(overhead(wp))}; IPC both ways)${cpu(workersCpu)}`,
      },
    ],
    {
      items: n,
      stages: stages.length,
      queue,
      inProcess,
      workers,
      cpuUsPerItem: { inProcess: inProcessCpu, workers: workersCpu },
      overheadUs: { inProcess: overhead(ip), workers: overhead(wp) },
    },
  );
}
