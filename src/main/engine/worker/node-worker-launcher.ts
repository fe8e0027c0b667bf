import { fork } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { workerProcessEnv, type WorkerLauncher, type WorkerProcess, type WorkerSpec } from './worker-launcher';
import type { FromWorker, ToWorker } from './worker-protocol';

/**
 * The built worker entry (out/main/worker.js) when this code runs from the build itself (`lifeline`
 * from out/main/cli.js): a worker then starts with plain Node, no TypeScript compiler in it. Null
 * when running from the sources.
 */
function builtWorkerEntry(): string | null {
  if (!__filename.endsWith('.js')) return null;
  // This code sits in out/main/ or in a shared chunk under out/main/chunks/.
  return (
    [path.join(__dirname, 'worker.js'), path.join(__dirname, '..', 'worker.js')].find((f) => fs.existsSync(f)) ?? null
  );
}

/**
 * Forks the worker entry as a Node child process: the built one when this runs built, else
 * `worker-main.ts` through tsx (the tsx loader passed by absolute URL, so it starts from any
 * working directory).
 */
export const nodeWorkerLauncher: WorkerLauncher = {
  launch(spec: WorkerSpec): WorkerProcess {
    const built = builtWorkerEntry();
    if (built) return forkWorker(built, [], spec);
    const tsx = pathToFileURL(createRequire(path.join(__dirname, 'here.js')).resolve('tsx')).href;
    return forkWorker(path.join(__dirname, '..', '..', 'worker-main.ts'), ['--import', tsx], spec);
  },
};

/** Forks an already built worker entry (out/main/worker.js) with plain Node: how tests check the bundle. */
export function builtWorkerLauncher(entry: string): WorkerLauncher {
  return { launch: (spec) => forkWorker(entry, [], spec) };
}

function forkWorker(entry: string, execArgv: string[], spec: WorkerSpec): WorkerProcess {
  const child = fork(entry, [], {
    execArgv: [...execArgv, `--max-old-space-size=${spec.maxHeapMb}`],
    env: workerProcessEnv(spec),
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    serialization: 'json',
  });
  // A send racing the child's exit raises EPIPE on the channel; the exit handler deals with it.
  child.on('error', () => {});
  return {
    get pid() {
      return child.pid;
    },
    send(message: ToWorker): boolean {
      if (!child.connected) return false;
      try {
        return child.send(message);
      } catch {
        return false;
      }
    },
    onMessage(listener) {
      child.on('message', (m) => listener(m as FromWorker));
    },
    onExit(listener) {
      child.on('exit', (code, signal) => listener({ code, signal }));
    },
    kill() {
      child.kill('SIGKILL');
    },
  };
}
