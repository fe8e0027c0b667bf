/**
 * How heavy Lifeline is on a laptop: the start of `lifeline status` on a 100,000-item store against
 * `node -e 0` in the same run, the memory an idle `lifeline serve` holds (engine and worker
 * processes, 60 s after start with nothing queued), and what the first job after idle waits for its
 * worker to start. All run the built JavaScript (`npm run build` first), as users do.
 * LIFELINE_BENCH_ROOT measures another checkout's build (a "before" figure) with the same code.
 */
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { dataPaths } from '../src/main/config/data-dir';
import { encodeWav } from '../src/main/pipeline/audio/wav-write';
import { openDatabase } from '../src/main/store/database';
import { fmt, median, report } from './bench-table';
import { tmpDir } from './bench-data';
import { seedItems } from './ui-seed';

const repoRoot = path.resolve(process.env.LIFELINE_BENCH_ROOT ?? path.join(__dirname, '..'));
const cli = path.join(repoRoot, 'bin', 'lifeline.cjs');
const quiet = { ...process.env, LIFELINE_LOG_LEVEL: 'warn' };

function timeRun(args: string[], runs: number): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    execFileSync(process.execPath, args, { stdio: 'ignore', env: quiet });
    times.push(performance.now() - t0);
  }
  return median(times);
}

const childrenOf = (pid: number): number[] =>
  fs.readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);

/** RSS of one process, KB, from /proc (Linux). */
function rssKb(pid: number): number {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  } catch {
    return 0;
  }
}

function treeRssKb(pid: number): number {
  return rssKb(pid) + childrenOf(pid).reduce((sum, c) => sum + treeRssKb(c), 0);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A second of a quiet tone: real audio for ingest, decoded by every build. */
function toneWav(file: string): string {
  const rate = 16_000;
  const samples = new Float32Array(rate);
  for (let i = 0; i < rate; i++) samples[i] = 0.2 * Math.sin((2 * Math.PI * 440 * i) / rate);
  fs.writeFileSync(file, encodeWav(samples, rate));
  return file;
}

interface IdleServe {
  totalMb: number;
  engineMb: number;
  processes: number;
  /** What the first job after idle waited for its worker to start, ms (null: the build starts workers at boot). */
  firstJobWaitMs: number | null;
}

async function idleServe(settleMs: number): Promise<IdleServe> {
  const dir = tmpDir();
  const dataDir = path.join(dir, 'data');
  const child = spawn(process.execPath, [cli, '--data-dir', dataDir, 'serve', '--port', '0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  const deadline = Date.now() + 60_000;
  while (!/engine started/.test(out) && Date.now() < deadline) await sleep(100);
  await sleep(settleMs);
  const pid = child.pid!;
  const idle = { totalMb: treeRssKb(pid) / 1024, engineMb: rssKb(pid) / 1024, processes: 1 + childrenOf(pid).length };
  // Then one recording, added from another process as `lifeline add` does: its first job waits for a worker.
  execFileSync(process.execPath, [cli, '--data-dir', dataDir, 'add', toneWav(path.join(dir, 'tone.wav'))], {
    stdio: 'ignore',
    env: quiet,
  });
  const log = path.join(dataDir, 'logs', 'lifeline.log');
  let firstJobWaitMs: number | null = null;
  // The pool logs the wait (worker-pool.ts); a build that starts workers at boot never does.
  for (const until = Date.now() + 20_000; firstJobWaitMs === null && Date.now() < until; await sleep(100)) {
    const waited = fs.existsSync(log) ? /"waitedMs":(\d+)/.exec(fs.readFileSync(log, 'utf8')) : null;
    if (waited) firstJobWaitMs = Number(waited[1]);
  }
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
  fs.rmSync(dir, { recursive: true, force: true });
  return { ...idle, firstJobWaitMs };
}

export async function weightBench(quick: boolean): Promise<void> {
  if (!fs.existsSync(path.join(repoRoot, 'out', 'main', 'cli.js')))
    throw new Error(`weight bench: run \`npm run build\` in ${repoRoot} first (it measures the built CLI)`);
  const items = 100_000;
  const dir = tmpDir();
  const dataDir = path.join(dir, 'data');
  const db = openDatabase(dataPaths(dataDir).database);
  seedItems(db, items);
  db.close();
  const runs = quick ? 5 : 11;
  // Interleaved, so a change of load on a shared machine weighs on both alike.
  const node: number[] = [];
  const status: number[] = [];
  for (let i = 0; i < runs; i++) {
    node.push(timeRun(['-e', '0'], 1));
    status.push(timeRun([cli, '--data-dir', dataDir, 'status'], 1));
  }
  const [nodeMs, statusMs] = [median(node), median(status)];
  fs.rmSync(dir, { recursive: true, force: true });
  const settleS = quick ? 15 : 60;
  const idle = await idleServe(settleS * 1000);
  const rows = [
    { name: 'node -e 0 (median)', value: `${fmt(nodeMs)} ms` },
    {
      name: `lifeline status, ${fmt(items)} items (median)`,
      value: `${fmt(statusMs)} ms`,
      note: `${fmt(statusMs / nodeMs, 1)}× node -e 0 (goal ≤ 3×)`,
    },
    {
      name: `idle serve after ${settleS} s, ${idle.processes} process${idle.processes === 1 ? '' : 'es'}`,
      value: `${fmt(idle.totalMb)} MB RSS`,
      note: `engine ${fmt(idle.engineMb)} MB + workers (goal ≤ 150 MB)`,
    },
    {
      name: 'first job after idle: wait for its worker to start',
      value: idle.firstJobWaitMs === null ? 'n/a' : `${fmt(idle.firstJobWaitMs)} ms`,
      note: idle.firstJobWaitMs === null ? 'workers started at boot' : 'ingest; once per stage after an idle minute',
    },
  ];
  report('Weight: CLI start and idle memory (built JavaScript)', 'weight', rows, {
    root: repoRoot,
    items,
    nodeMs,
    statusMs,
    node,
    status,
    idle,
  });
}

if (require.main === module) void weightBench(process.argv.includes('--quick'));
