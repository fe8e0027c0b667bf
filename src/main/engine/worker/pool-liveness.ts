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
  closing: boolean;
  launchError: string | null;
  /** Within the window already. */
  crashes: readonly { at: number; detail: string }[];
  replacements: readonly { at: number; detail: string }[];
  /** Since when the pool has had fewer live workers than its size (monotonic ms), or null. */
  shortSince: number | null;
  monotonicNow: number;
  readyTimeoutMs: number;
}

/**
 * The pool's liveness (pure). Workers retired (a recycle after a database recovery) or replaced
 * whose successors are not launched yet count as starting: the pool is between two workers, not
 * without one, so health says "starting" rather than turning red for that moment.
 */
export function poolLiveness(v: PoolView): WorkerLiveness {
  let ready = 0;
  let busy = 0;
  let silent = 0;
  let starting = 0;
  let live = 0;
  let firstLaunch: number | null = null;
  for (const w of v.workers) {
    if (w.state !== 'stopping') live++;
    if (w.state === 'idle' && w.silent) silent++;
    else if (w.state === 'idle') ready++;
    else if (w.state === 'busy') busy++;
    else if (w.state === 'starting') {
      starting++;
      firstLaunch = Math.min(firstLaunch ?? w.launchedAt, w.launchedAt);
    }
  }
  const pending = v.closing || v.launchError ? 0 : Math.max(0, v.size - live);
  if (pending > 0) firstLaunch = Math.min(firstLaunch ?? Infinity, v.shortSince ?? v.monotonicNow);
  return {
    mode: 'worker-processes',
    expected: v.size,
    ready: ready + busy,
    busy,
    silent,
    recentReplacements: v.replacements.length,
    lastReplacement: v.replacements.at(-1) ?? null,
    starting: starting + pending,
    startingForMs: firstLaunch === null ? null : v.monotonicNow - firstLaunch,
    startupWindowMs: v.readyTimeoutMs,
    recentCrashes: v.crashes.length,
    lastCrash: v.crashes.at(-1) ?? null,
    launchError: v.launchError,
  };
}
