import type { WorkerLiveness } from '../stage-executor';

/** One worker as the liveness count sees it. */
export interface WorkerView {
  state: 'starting' | 'idle' | 'busy' | 'stopping';
  /** Idle but not answering pings. */
  silent: boolean;
  /** Monotonic ms. */
  launchedAt: number;
}

export interface PoolView {
  workers: Iterable<WorkerView>;
  size: number;
  launchError: string | null;
  /** Within the window already. */
  crashes: readonly { at: number; detail: string }[];
  replacements: readonly { at: number; detail: string }[];
  monotonicNow: number;
  readyTimeoutMs: number;
}

/**
 * The pool's liveness (pure). Workers start on demand and exit when idle, so fewer workers than the
 * pool's size (none at all, when nothing is to be done) is its normal state, not a shortage.
 */
export function poolLiveness(v: PoolView): WorkerLiveness {
  let ready = 0;
  let busy = 0;
  let silent = 0;
  let starting = 0;
  let firstLaunch: number | null = null;
  for (const w of v.workers) {
    if (w.state === 'idle' && w.silent) silent++;
    else if (w.state === 'idle') ready++;
    else if (w.state === 'busy') busy++;
    else if (w.state === 'starting') {
      starting++;
      firstLaunch = Math.min(firstLaunch ?? w.launchedAt, w.launchedAt);
    }
  }
  return {
    mode: 'worker-processes',
    onDemand: true,
    expected: v.size,
    ready: ready + busy,
    busy,
    silent,
    recentReplacements: v.replacements.length,
    lastReplacement: v.replacements.at(-1) ?? null,
    starting,
    startingForMs: firstLaunch === null ? null : v.monotonicNow - firstLaunch,
    startupWindowMs: v.readyTimeoutMs,
    recentCrashes: v.crashes.length,
    lastCrash: v.crashes.at(-1) ?? null,
    launchError: v.launchError,
  };
}
