import path from 'node:path';
import { utilityProcess } from 'electron';
import {
  workerProcessEnv,
  type WorkerLauncher,
  type WorkerProcess,
  type WorkerSpec,
} from '../engine/worker/worker-launcher';
import type { FromWorker, ToWorker } from '../engine/worker/worker-protocol';

/**
 * Starts stage workers as Electron utility processes (the desktop counterpart of nodeWorkerLauncher):
 * Chromium's own child-process host, so a native crash in a worker (whisper, a decoder) takes only
 * that process down. The entry is the bundled worker-main (out/main/worker.js, a second input of the
 * main build); worker-port.ts talks to the engine over `process.parentPort` there.
 */
export function utilityWorkerLauncher(mainDir: string): WorkerLauncher {
  const entry = path.join(mainDir, 'worker.js');
  return {
    launch(spec: WorkerSpec): WorkerProcess {
      const child = utilityProcess.fork(entry, [], {
        env: workerProcessEnv(spec),
        execArgv: [`--max-old-space-size=${spec.maxHeapMb}`],
        serviceName: 'Lifeline worker',
        stdio: 'inherit',
      });
      let exited = false;
      child.on('exit', () => {
        exited = true;
      });
      return {
        get pid() {
          return child.pid;
        },
        send(message: ToWorker): boolean {
          if (exited) return false;
          try {
            child.postMessage(message);
            return true;
          } catch {
            return false;
          }
        },
        onMessage(listener) {
          child.on('message', (m: unknown) => listener(m as FromWorker));
        },
        onExit(listener) {
          // A utility process reports only its exit code; a crash or a kill shows as a non-zero code.
          child.on('exit', (code) => listener({ code, signal: null }));
        },
        kill() {
          child.kill();
        },
      };
    },
  };
}
