/**
 * Does adding many files stall the engine? A real `lifeline serve` with the defaults (worker
 * processes, the real stages) gets 10,000 small real WAV files through the API a user's drop uses
 * (items:add, 100 paths a call, from the allowed add-from folder), while a client keeps the UI's read
 * channels busy (the overview and the first page of items, polled over HTTP) and listens to the
 * pushed events on the WebSocket. The engine process's event-loop delay over the adds comes from its
 * debug probe (cli/loop-delay-probe.ts), read through SIGUSR2.
 */
import fs from 'node:fs';
import path from 'node:path';
import WebSocket from 'ws';
import type { ChannelName, RequestOf, ResponseOf, Result } from '../src/shared/contract';
import { loopDelayEnv, type LoopDelaySnapshot } from '../src/main/cli/loop-delay-probe';
import { cliPath, spawnNode } from '../test/support/spawn';
import { writeWav } from '../test/support/audio-files';
import { tmpDir } from './bench-data';
import { fmt, median, report } from './bench-table';

const token = 'intake-stall-bench';
const perCall = 100;

async function startServe(dataDir: string, dropDir: string, probeFile: string) {
  // The tsx loader lets serve run from the sources too (its server is a dynamic import); a fresh build runs as built.
  const { child, done } = spawnNode(['--import', 'tsx', cliPath, '--data-dir', dataDir, 'serve', '--port', '0'], {
    env: { LIFELINE_TOKEN: token, LIFELINE_ADD_FROM_DIR: dropDir, [loopDelayEnv]: probeFile },
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  const exited = done.then((f) => {
    throw new Error(`serve exited early (${f.code}): ${f.stderr}`);
  });
  const deadline = Date.now() + 120_000;
  while (!/engine started/.test(out)) {
    if (Date.now() > deadline) throw new Error(`serve did not start:\n${out}`);
    await Promise.race([exited, new Promise((r) => setTimeout(r, 100))]);
  }
  const url = /Open (http:\/\/[^/\s]+\/)/.exec(out)![1]!;
  const call = async <C extends ChannelName>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> => {
    const res = await fetch(new URL(`api/call/${channel}`, url), {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(request),
    });
    const r = (await res.json()) as Result<ResponseOf<C>>;
    if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
    return r.value;
  };
  /** The engine's event-loop delays since the last look. */
  const loopDelay = async (): Promise<LoopDelaySnapshot> => {
    fs.rmSync(probeFile, { force: true });
    child.kill('SIGUSR2');
    for (let i = 0; i < 200 && !fs.existsSync(probeFile); i++) await new Promise((r) => setTimeout(r, 25));
    return JSON.parse(fs.readFileSync(probeFile, 'utf8')) as LoopDelaySnapshot;
  };
  /** CPU the engine process has used so far, ms (Linux /proc; 0 elsewhere). */
  const cpuMs = (): number => {
    try {
      const fields = fs.readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
    } catch {
      return 0;
    }
  };
  const stop = async () => {
    child.kill('SIGTERM');
    await done;
  };
  return { url, call, loopDelay, cpuMs, stop };
}

/** A UI's reads while the adds go on: the overview and the first page of items, again and again. */
function pollLikeTheUi(serve: Awaited<ReturnType<typeof startServe>>) {
  let stopped = false;
  const latencies: number[] = [];
  const pushes: Record<string, number> = {};
  const ws = new WebSocket(new URL(`api/events?token=${token}`, serve.url.replace('http', 'ws')));
  ws.on('message', (data: Buffer) => {
    const type = (JSON.parse(data.toString()) as { type: string }).type;
    pushes[type] = (pushes[type] ?? 0) + 1;
  });
  const loop = (async () => {
    while (!stopped) {
      const t0 = performance.now();
      await serve.call('overview:get', {});
      await serve.call('items:list', { limit: 50 } as RequestOf<'items:list'>);
      latencies.push(performance.now() - t0);
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  return async () => {
    stopped = true;
    await loop;
    ws.close();
    return { latencies, pushes };
  };
}

export async function intakeStallBench(quick: boolean): Promise<void> {
  const files = quick ? 1_000 : 10_000;
  const dir = tmpDir();
  const dropDir = path.join(dir, 'drop');
  fs.mkdirSync(dropDir);
  const paths: string[] = [];
  for (let i = 0; i < files; i++)
    paths.push(writeWav(path.join(dropDir, `memo-${i}.wav`), { seconds: 0.2, seed: i + 1 }));
  const serve = await startServe(path.join(dir, 'data'), dropDir, path.join(dir, 'loop-delay.json'));
  try {
    // Settled first (workers started, the first health checks done), then a quiet spell as the baseline.
    await new Promise((r) => setTimeout(r, 3_000));
    const stopPolling = pollLikeTheUi(serve);
    await serve.loopDelay();
    await new Promise((r) => setTimeout(r, 2_000));
    const idle = await serve.loopDelay();
    const cpu0 = serve.cpuMs();
    const t0 = performance.now();
    let added = 0;
    for (let i = 0; i < paths.length; i += perCall)
      added += (await serve.call('items:add', { paths: paths.slice(i, i + perCall), priority: 0 })).added.length;
    const seconds = (performance.now() - t0) / 1000;
    const busy = await serve.loopDelay();
    const cpuUsPerFile = ((serve.cpuMs() - cpu0) * 1000) / files;
    const { latencies, pushes } = await stopPolling();
    if (added !== files) throw new Error(`added ${added} of ${files} files`);
    const sorted = [...latencies].sort((a, b) => a - b);
    const p99 = sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.99))] ?? 0;
    report(
      `Engine event loop while adding ${fmt(files)} files and serving the UI (real serve, defaults; goal p99 < 10 ms)`,
      'intake-stall',
      [
        {
          name: 'adds',
          value: `${fmt(files / seconds)} files/s`,
          note: `${fmt(files)} files in ${fmt(seconds, 1)} s, ${perCall} a call; engine process CPU ${fmt(cpuUsPerFile)} µs/file`,
        },
        {
          name: 'event-loop delay while adding',
          value: `p99 ${fmt(busy.p99, 1)} ms`,
          note: `p50 ${fmt(busy.p50, 1)} ms, max ${fmt(busy.max, 1)} ms`,
        },
        {
          name: 'event-loop delay idle (2 s before)',
          value: `p99 ${fmt(idle.p99, 1)} ms`,
          note: `p50 ${fmt(idle.p50, 1)} ms, max ${fmt(idle.max, 1)} ms: what the machine's load alone costs`,
        },
        {
          name: 'UI reads (overview + items page)',
          value: `median ${fmt(median(latencies), 1)} ms`,
          note: `p99 ${fmt(p99, 1)} ms over ${fmt(latencies.length)} reads; pushed: ${Object.entries(pushes)
            .map(([type, n]) => `${fmt(n)} ${type}`)
            .join(', ')}`,
        },
      ],
      { files, seconds, cpuUsPerFile, busy, idle, readsMs: latencies, pushes },
    );
  } finally {
    await serve.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  void intakeStallBench(process.argv.includes('--quick')).then(
    () => process.exit(0),
    (err: unknown) => {
      process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
      process.exit(1);
    },
  );
}
