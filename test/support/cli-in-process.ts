import { runCli as runCliMain } from '../../src/main/cli/main';
import type { Finished } from './spawn';

let running = false;

/**
 * Runs the `lifeline` command in this process, through the same program builder the binary uses,
 * and collects what it printed: the CLI's rules (arguments, output, exit codes) without the cost of
 * a Node start per call. A few tests still spawn the real binary (spawn.ts `runCli`), so the
 * process edges (the bin script, real exit codes, a second process on the store) stay covered.
 */
export async function runCliHere(dataDir: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<Finished> {
  if (running) throw new Error('runCliHere calls must not overlap: they share process.stdout');
  running = true;
  let stdout = '';
  let stderr = '';
  const writeOut = process.stdout.write.bind(process.stdout);
  const writeErr = process.stderr.write.bind(process.stderr);
  const saved: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries({ LIFELINE_LOG_LEVEL: 'warn', ...env })) {
    saved[k] = process.env[k];
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  process.stdout.write = ((chunk: string | Uint8Array) => (
    (stdout += String(chunk)),
    true
  )) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string | Uint8Array) => (
    (stderr += String(chunk)),
    true
  )) as typeof process.stderr.write;
  try {
    const code = await runCliMain(['--data-dir', dataDir, ...args]);
    return { code, signal: null, stdout, stderr };
  } finally {
    process.stdout.write = writeOut;
    process.stderr.write = writeErr;
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    running = false;
  }
}
