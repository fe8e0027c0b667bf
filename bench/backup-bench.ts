import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { takeBackup } from '../src/main/store/backup-files';
import { runDoctor } from '../src/main/backup/doctor';
import { restoreStore } from '../src/main/backup/restore-store';
import { dataPaths } from '../src/main/config/data-dir';
import { openLifeline } from '../src/main/lifeline';
import { openStore } from '../src/main/store/store';
import { seedFinishedItems } from '../test/support/seed-store';
import { writeWav } from '../test/support/audio-files';
import { tmpDir } from './bench-data';
import { fmt, median, report } from './bench-table';

const seconds = (t0: number) => (performance.now() - t0) / 1000;

/** Backup (online, verified), restore and doctor on a store of `n` finished items with transcripts and memories. */
async function roundTrip(n: number) {
  const dataDir = path.join(tmpDir(), 'data');
  const paths = dataPaths(dataDir);
  seedFinishedItems(dataDir, n);
  const store = openStore(paths);
  let t0 = performance.now();
  const b = await takeBackup(store.db, path.join(dataDir, 'backups'), 'manual', Date.now(), 7);
  const backupS = seconds(t0);
  store.close();
  t0 = performance.now();
  restoreStore(paths, { now: Date.now() });
  const restoreS = seconds(t0);
  t0 = performance.now();
  const report = runDoctor(paths, Date.now());
  const doctorS = seconds(t0);
  if (report.checks.some((c) => c.status === 'fail')) throw new Error('doctor failed after restore');
  fs.rmSync(path.dirname(dataDir), { recursive: true, force: true });
  return { n, mib: b.bytes / 1024 ** 2, backupS, restoreS, doctorS };
}

/** What the checkpoint after an acknowledged add costs: `items:add` of one small file, and an enqueue with and without the checkpoint, p50 over `k`. */
async function addLatency(k: number) {
  const dir = tmpDir();
  const app = openLifeline({ dataDir: path.join(dir, 'data'), withEngine: false, processName: 'bench', env: {} });
  const files = Array.from({ length: k }, (_, i) =>
    writeWav(path.join(dir, `f${i}.wav`), { seconds: 0.1, seed: i + 1 }),
  );
  const add: number[] = [];
  const bare: number[] = [];
  const withCheckpoint: number[] = [];
  const enqueue = () =>
    app.queue.add({
      sha256: crypto.randomBytes(32).toString('hex'),
      sourcePath: '/bench/x.wav',
      fileName: 'x.wav',
      sizeBytes: 1,
      priority: 0,
    });
  for (const f of files) {
    let t0 = performance.now();
    const r = await app.call('items:add', { paths: [f] });
    add.push(performance.now() - t0);
    if (!r.ok) throw new Error(r.error.message);
    t0 = performance.now();
    enqueue();
    bare.push(performance.now() - t0);
    t0 = performance.now();
    enqueue();
    app.store.checkpoint();
    withCheckpoint.push(performance.now() - t0);
  }
  await app.close();
  fs.rmSync(dir, { recursive: true, force: true });
  return { addP50Ms: median(add), enqueueP50Ms: median(bare), enqueueCheckpointP50Ms: median(withCheckpoint) };
}

export async function backupBench(quick: boolean): Promise<void> {
  const sizes = quick ? [10_000] : [10_000, 100_000];
  const trips = [];
  for (const n of sizes) trips.push(await roundTrip(n));
  const adds = await addLatency(quick ? 50 : 200);
  report(
    'Backup, restore, doctor (store of finished items with transcripts and memories)',
    'backup',
    [
      ...trips.flatMap((t) => [
        {
          name: `backup ${fmt(t.n)} items`,
          value: `${fmt(t.backupS, 2)} s`,
          note: `${fmt(t.mib, 1)} MiB, online API + integrity check`,
        },
        {
          name: `restore ${fmt(t.n)} items`,
          value: `${fmt(t.restoreS, 2)} s`,
          note: 'newest good backup: integrity check, copy, fsync',
        },
        {
          name: `doctor ${fmt(t.n)} items`,
          value: `${fmt(t.doctorS, 2)} s`,
          note: 'integrity check + audio and permissions',
        },
      ]),
      {
        name: 'items:add one file, p50',
        value: `${fmt(adds.addP50Ms, 1)} ms`,
        note: 'includes the checkpoint that makes it survive losing the -wal',
      },
      { name: 'enqueue, p50', value: `${fmt(adds.enqueueP50Ms, 2)} ms`, note: 'one item, no checkpoint' },
      {
        name: 'enqueue + checkpoint, p50',
        value: `${fmt(adds.enqueueCheckpointP50Ms, 2)} ms`,
        note: 'what every acknowledged intake pays (FULL checkpoint, fsync)',
      },
    ],
    { trips, adds },
  );
}
