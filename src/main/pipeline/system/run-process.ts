import { spawn } from 'node:child_process';

export interface ProcessResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: Buffer;
  stderr: string;
}

/**
 * Runs a program to completion and collects its output. Aborting `signal` kills it (SIGKILL: the
 * programs we drive hold no state worth a graceful stop) and rejects with the abort reason.
 */
export function runProcess(
  file: string,
  args: readonly string[],
  options: { signal?: AbortSignal; timeoutMs?: number; maxStdoutBytes?: number } = {},
): Promise<ProcessResult> {
  return new Promise((resolve, reject) => {
    if (options.signal?.aborted) return reject(options.signal.reason as Error);
    const child = spawn(file, args, { stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
    const out: Buffer[] = [];
    let outBytes = 0;
    let err = '';
    let settled = false;
    let timedOut = false;
    const kill = () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    };
    const onAbort = () => kill();
    options.signal?.addEventListener('abort', onAbort, { once: true });
    const timer = options.timeoutMs
      ? setTimeout(() => {
          timedOut = true;
          kill();
        }, options.timeoutMs)
      : undefined;
    child.stdout.on('data', (d: Buffer) => {
      outBytes += d.length;
      if (options.maxStdoutBytes !== undefined && outBytes > options.maxStdoutBytes) kill();
      else out.push(d);
    });
    child.stderr.on('data', (d: Buffer) => {
      if (err.length < 64_000) err += d.toString();
    });
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      fn();
    };
    child.on('error', (e) => finish(() => reject(e)));
    child.on('close', (code, signal) =>
      finish(() => {
        if (options.signal?.aborted) return reject(options.signal.reason as Error);
        if (timedOut)
          return reject(
            Object.assign(new Error(`${file} did not finish within ${options.timeoutMs} ms`), { code: 'ETIMEDOUT' }),
          );
        resolve({ code, signal, stdout: Buffer.concat(out), stderr: err });
      }),
    );
  });
}
