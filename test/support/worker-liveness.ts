import type { WorkerLiveness } from '../../src/main/engine/stage-executor';

/** A worker pool's liveness for health tests: two ready workers, nothing wrong; `over` sets what a case is about. */
export const workerLiveness = (over: Partial<WorkerLiveness> = {}): WorkerLiveness => ({
  mode: 'worker-processes',
  onDemand: false,
  expected: 2,
  ready: 2,
  busy: 0,
  silent: 0,
  recentReplacements: 0,
  lastReplacement: null,
  starting: 0,
  startingForMs: null,
  startupWindowMs: 60_000,
  recentCrashes: 0,
  lastCrash: null,
  launchError: null,
  ...over,
});
