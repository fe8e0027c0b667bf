import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/main/config/config';
import { dataPaths } from '../src/main/config/data-dir';
import { openLifeline } from '../src/main/lifeline';
import { createLogger } from '../src/main/log/logger';
import { Queue } from '../src/main/queue/queue';
import { RecoveryManager } from '../src/main/recovery/recovery-manager';
import { openStore } from '../src/main/store/store';
import { systemClock } from '../src/main/time/clock';
import { percentile } from '../src/main/metrics/percentile';
import { insertQueued, tmpDir } from './bench-data';
import { fmt, report } from './bench-table';
import { benchStages, benchStagesModule } from './bench-stages';

/** Time for the startup sweep to recover `n` leases left by a dead process (one recovery_log row each). */
function startupSweep(n: number): { seconds: number; recovered: number } {
  const dir = tmpDir();
  const store = openStore(dataPaths(dir));
  insertQueued(store.db, n, 'ingest');
  const dead = `${os.hostname()}:2147483000:1`;
  const now = Date.now();
  store.db.transaction(() => {
    store.db.prepare(`UPDATE jobs SET state = 'running', attempts = 1, lease_token = 1`).run();
    store.db
      .prepare(
        `INSERT INTO leases (item_id, token, owner, stage, acquired_at, expires_at, heartbeat_at, progress_changed_at)
                SELECT item_id, 1, ?, 'ingest', ?, ?, ?, ? FROM jobs`,
      )
      .run(dead, now - 60_000, now - 50_000, now - 60_000, now - 60_000);
  })();
  const config = loadConfig({});
  const queue = new Queue(store.queuePorts, { stageOrder: ['ingest'], policies: config.stages, clock: systemClock });
  const manager = new RecoveryManager({
    store,
    queue,
    owner: `${os.hostname()}:${process.pid}:${now}`,
    clock: systemClock,
    config: () => config,
    handlers: new Map(),
    kill: () => false,
    log: createLogger(null, 'bench'),
  });
  const t0 = performance.now();
  const out = manager.startupSweep();
  const seconds = (performance.now() - t0) / 1000;
  const logged = store.db.prepare(`SELECT count(*) FROM recovery_log`).pluck().get() as number;
  store.close();
  fs.rmSync(dir, { recursive: true, force: true });
  if (out.length !== n || logged !== n) throw new Error(`recovered ${out.length}, logged ${logged} of ${n}`);
  return { seconds, recovered: out.length };
}

/** Hung workers (real processes): time from each job's last heartbeat to its detection by the stuck scan. */
async function stuckDetection(hung: number, env: Record<string, string>): Promise<number[]> {
  const dir = tmpDir();
  const dataDir = path.join(dir, 'data');
  const store = openStore(dataPaths(dataDir));
  insertQueued(store.db, hung, 'ingest', 'hang-');
  store.close();
  const app = openLifeline({
    dataDir,
    withEngine: true,
    processName: 'bench',
    stages: benchStages,
    workerStages: { module: benchStagesModule, export: 'benchStages' },
    env,
  });
  await app.start();
  const deadline = Date.now() + 120_000;
  while (app.store.reads.overview().totals.done < hung) {
    if (Date.now() > deadline) throw new Error('stuck detection bench did not finish');
    await new Promise((r) => setTimeout(r, 100));
  }
  const rows = app.store.db
    .prepare(`SELECT detected_at - stalled_since AS ms FROM recovery_log WHERE rule = 'lease_expired'`)
    .pluck()
    .all() as number[];
  await app.close(0);
  fs.rmSync(dir, { recursive: true, force: true });
  return rows;
}

export async function recoveryBench(quick: boolean): Promise<void> {
  const leases = 100_000;
  const sweep = startupSweep(leases);
  const timeoutMs = 1000;
  const env = {
    LIFELINE_WORKERS: '4',
    LIFELINE_HEARTBEAT_MS: '100',
    LIFELINE_LEASE_MS: String(timeoutMs),
    LIFELINE_STUCK_SCAN_MS: '200',
    LIFELINE_CONCURRENCY_INGEST: '4',
    LIFELINE_HEALTH_STARTUP_TIMEOUT_MS: '20000',
  };
  const samples = await stuckDetection(quick ? 12 : 40, env);
  const p50 = percentile(samples, 50)!;
  const p95 = percentile(samples, 95)!;
  report(
    'Recovery (stuck detection with real hung worker processes; startup sweep on a real file)',
    'recovery',
    [
      {
        name: 'stuck detection p50',
        value: `${fmt(p50)} ms`,
        note: `${fmt(p50 / timeoutMs, 2)}× the heartbeat timeout (lease ${timeoutMs} ms, scan every 200 ms, heartbeat 100 ms)`,
      },
      {
        name: 'stuck detection p95',
        value: `${fmt(p95)} ms`,
        note: `${fmt(p95 / timeoutMs, 2)}× the heartbeat timeout (goal ≤ 2×); ${samples.length} hung workers`,
      },
      {
        name: `startup recovery of ${fmt(leases)} expired leases`,
        value: `${fmt(sweep.seconds, 2)} s`,
        note: `${fmt(leases / sweep.seconds)} recoveries/s, one recovery_log row and one event each`,
      },
    ],
    { timeoutMs, samples, sweep: { leases, seconds: sweep.seconds } },
  );
}
