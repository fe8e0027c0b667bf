import { execFileSync } from 'node:child_process';

/**
 * Pids of the worker processes an engine process has forked: its children that run the worker entry
 * (worker-main.ts from the sources, worker.js built). An engine run through tsx can have other
 * children, such as esbuild's service while it compiles sources it has not cached yet.
 */
export function workerPidsOf(enginePid: number): number[] {
  let out: string;
  try {
    out = execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(enginePid)], { encoding: 'utf8' });
  } catch {
    // ps exits 1 when the process has no children.
    return [];
  }
  return out
    .split('\n')
    .map((line) => /^\s*(\d+)\s+(.*)$/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null && /\bworker(-main\.ts|\.js)\b/.test(m[2]!))
    .map((m) => Number(m[1]));
}
