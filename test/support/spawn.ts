import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export const repoRoot = path.resolve(__dirname, '..', '..');
export const cliPath = path.join(repoRoot, 'bin', 'lifeline.cjs');

export interface Finished {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Spawns a Node process and collects its output. */
export function spawnNode(
  args: string[],
  options: { env?: NodeJS.ProcessEnv; cwd?: string } = {},
): { child: ChildProcess; done: Promise<Finished> } {
  const child = spawn(process.execPath, args, {
    cwd: options.cwd ?? repoRoot,
    env: { ...process.env, LIFELINE_LOG_LEVEL: 'warn', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const done = new Promise<Finished>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal, stdout, stderr })),
  );
  return { child, done };
}

/** Runs the real `lifeline` CLI as a child process. */
export function runCli(dataDir: string, args: string[], env?: NodeJS.ProcessEnv): Promise<Finished> {
  return spawnNode([cliPath, '--data-dir', dataDir, ...args], { env }).done;
}

/** Runs a TypeScript file in a fresh Node process (through tsx). */
export function spawnTs(file: string, args: string[], env?: NodeJS.ProcessEnv) {
  return spawnNode(['--import', 'tsx', file, ...args], { env });
}
