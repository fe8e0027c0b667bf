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
 * Starts `lifeline serve --port 0` as a real process and waits for the URL it prints and for its
 * engine to have started (serve prints the URL first, then waits at its startup gate).
 */
export async function startServe(dataDir: string, env?: NodeJS.ProcessEnv): Promise<ServeProcess> {
  const { child, done } = spawnNode([cliPath, '--data-dir', dataDir, 'serve', '--port', '0'], { env });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  let exited = false;
  void done.then(() => (exited = true));
  const m = await waitFor('serve to print its URL and start its engine', () => {
    if (exited) throw new Error(`serve exited early:\n${out}`);
    return /^engine started$/m.test(out) && /Open (http:\/\/127\.0\.0\.1:\d+\/)\?token=(\S+)/.exec(out);
  }, 30_000);
  return { child, url: m[1]!, token: m[2]!, output: () => out, done };
}
