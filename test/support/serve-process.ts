import type { ChildProcess } from 'node:child_process';
import { cliPath, spawnNode, type Finished } from './spawn';
import { waitFor } from './wait-for';

export interface ServeProcess {
  child: ChildProcess;
  url: string;
  token: string;
  output(): string;
  done: Promise<Finished>;
}

/**
 * What `serve` has printed once it is ready: its address (before its startup gate) and then "engine
 * started". Null until both are there.
 */
export function serveReady(out: string): { url: string; port: number; token: string } | null {
  const m = /Open (http:\/\/127\.0\.0\.1:(\d+)\/)\?token=(\S+)/.exec(out);
  return m && /^engine started$/m.test(out) ? { url: m[1]!, port: Number(m[2]), token: m[3]! } : null;
}

/**
 * Starts `lifeline serve --port 0` as a real process and waits for the URL it prints and for its
 * engine to have started (serve prints the URL first, then waits at its startup gate).
 */
export async function startServe(dataDir: string, env?: NodeJS.ProcessEnv, timeoutMs = 30_000): Promise<ServeProcess> {
  const { child, done } = spawnNode([cliPath, '--data-dir', dataDir, 'serve', '--port', '0'], { env });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  let exited = false;
  void done.then(() => (exited = true));
  const ready = await waitFor(
    'serve to print its URL and start its engine',
    () => {
      if (exited) throw new Error(`serve exited early:\n${out}`);
      return serveReady(out);
    },
    timeoutMs,
  );
  return { child, url: ready.url, token: ready.token, output: () => out, done };
}
