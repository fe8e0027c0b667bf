import { fork } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { workerProcessEnv, type WorkerLauncher, type WorkerProcess, type WorkerSpec } from './worker-launcher';
import type { FromWorker, ToWorker } from './worker-protocol';

/**
 * Forks `worker-main.ts` as a Node child process running the TypeScript sources through tsx (as the
 * CLI does). The tsx loader is passed by absolute URL so the worker starts from any working directory.
 */
export const nodeWorkerLauncher: WorkerLauncher = {
  launch(spec: WorkerSpec): WorkerProcess {
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
