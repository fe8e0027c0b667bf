/**
 * How heavy Lifeline is on a laptop: the start of a CLI command against `node -e 0` in the same run,
 * and the memory an idle `lifeline serve` holds (engine and worker processes). Both run the built
 * JavaScript (`npm run build` first), as users do.
 */
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { dataPaths } from '../src/main/config/data-dir';
import { openDatabase } from '../src/main/store/database';
import { fmt, median, report } from './bench-table';
import { tmpDir } from './bench-data';
import { seedItems } from './ui-seed';

const repoRoot = path.resolve(__dirname, '..');
const cli = path.join(repoRoot, 'bin', 'lifeline.cjs');

function timeRun(args: string[], runs: number): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    execFileSync(process.execPath, args, { stdio: 'ignore', env: { ...process.env, LIFELINE_LOG_LEVEL: 'warn' } });
    times.push(performance.now() - t0);
  }
  return median(times);
}

/** RSS of a process and its children, KB, from /proc (Linux). */
function treeRssKb(pid: number): number {
  const rss = (p: number) => {
    try {
      return Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${p}/status`, 'utf8'))?.[1] ?? 0);
    } catch {
      return 0;
    }
  };
  let total = rss(pid);
  for (const child of fs.readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean))
    total += treeRssKb(Number(child));
  return total;
}

async function idleServeRss(settleMs: number): Promise<{ totalMb: number; processes: number }> {
  const dataDir = path.join(tmpDir(), 'data');
  const child = spawn(process.execPath, [cli, '--data-dir', dataDir, 'serve', '--port', '0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  const deadline = Date.now() + 60_000;
  while (!/engine started/.test(out) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  await new Promise((r) => setTimeout(r, settleMs));
  const kb = treeRssKb(child.pid!);
  const processes =
    1 +
    fs.readFileSync(`/proc/${child.pid}/task/${child.pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).length;
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
  return { totalMb: kb / 1024, processes };
}

export async function weightBench(quick: boolean): Promise<void> {
  if (!fs.existsSync(path.join(repoRoot, 'out', 'main', 'cli.js')))
    throw new Error('weight bench: run `npm run build` first (it measures the built CLI)');
  const items = quick ? 10_000 : 100_000;
  const dataDir = path.join(tmpDir(), 'data');
  const db = openDatabase(dataPaths(dataDir).database);
  seedItems(db, items);
  db.close();
  const runs = quick ? 3 : 7;
  const nodeMs = timeRun(['-e', '0'], runs);
  const statusMs = timeRun([cli, '--data-dir', dataDir, 'status'], runs);
  const idle = await idleServeRss(quick ? 15_000 : 60_000);
  const rows = [
    { name: 'node -e 0 (median)', value: `${fmt(nodeMs)} ms` },
    {
      name: `lifeline status, ${fmt(items)} items (median)`,
      value: `${fmt(statusMs)} ms`,
      note: `${fmt(statusMs / nodeMs, 1)}× node -e 0 (goal ≤ 3×)`,
    },
    {
      name: `idle serve after ${quick ? 15 : 60} s, ${idle.processes} processes`,
      value: `${fmt(idle.totalMb)} MB RSS`,
      note: 'engine + workers (goal ≤ 150 MB)',
    },
  ];
  report('Weight: CLI start and idle memory (built JavaScript)', 'weight', rows, { items, nodeMs, statusMs, idle });
}
