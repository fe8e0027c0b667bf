import type { WorkerLauncher } from './worker-launcher';

/**
 * The same launcher, with `afterExit(pid)` called once each of its worker processes has exited, for
 * whatever the process may have left behind (its temporary files). The pool is not told: its own
 * exit handling is unchanged.
 */
export function afterWorkerExit(
  launcher: WorkerLauncher,
  afterExit: (pid: number | undefined) => void,
): WorkerLauncher {
  return {
    launch(spec) {
      const proc = launcher.launch(spec);
      const pid = proc.pid;
      proc.onExit(() => afterExit(pid));
      return proc;
    },
  };
}
