import path from 'node:path';
import type { ChildProcess } from 'node:child_process';
import type { ChannelName, RequestOf, ResponseOf, Result } from '../../src/shared/contract';
import { repoRoot, spawnTs, type Finished } from './spawn';
import { waitFor } from './wait-for';

export interface TestServe {
  child: ChildProcess;
  url: string;
  pid: number;
  output(): string;
  done: Promise<Finished>;
  call<C extends ChannelName>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>>;
}

const script = path.join(repoRoot, 'test/support/test-serve.ts');

/** Spawns test-serve.ts without waiting (for kill-at-random-moments chaos). */
export function spawnTestServe(dataDir: string, env: NodeJS.ProcessEnv) {
  const p = spawnTs(script, [dataDir], env);
  let out = '';
  p.child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  p.child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  return { ...p, output: () => out };
}

/** Starts test-serve.ts and waits until its engine runs. */
export async function startTestServe(dataDir: string, env: NodeJS.ProcessEnv): Promise<TestServe> {
  const p = spawnTestServe(dataDir, env);
  let exited = false;
  void p.done.then(() => (exited = true));
  const m = await waitFor(
    'test-serve to be ready',
    () => {
      if (exited) throw new Error(`test-serve exited early:\n${p.output()}`);
      return /ready (\S+) (\S+) (\d+)/.exec(p.output());
    },
    30_000,
  );
  const url = m[1]!;
  const token = m[2]!;
  return {
    child: p.child,
    url,
    pid: Number(m[3]),
    output: p.output,
    done: p.done,
    async call(channel, request) {
      const res = await fetch(new URL(`api/call/${channel}`, url), {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(request),
      });
      const r = (await res.json()) as Result<never>;
      if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
      return r.value;
    },
  };
}
