import type { WorkerLiveness } from '../engine/stage-executor';
import type { ProbeReport } from './health-probe';

/** Crashes in the last 10 minutes from which the pool counts as crash-looping rather than starting. */
const crashLoop = 3;

const seconds = (ms: number) => `${Math.round(ms / 1000)} s`;
const processes = (n: number) => `${n} worker ${n === 1 ? 'process' : 'processes'}`;

/**
 * What the Workers check reports for the pool's liveness. Workers that are starting within their
 * start-up window (after the engine starts, a recycle or a replacement) are `starting`: not a failure,
 * so neither the colour nor the uptime suffers for the seconds a start takes. A start that outlasts
 * its window, a launch error or a crash loop is a failure as before.
 */
export function workersHealth(l: WorkerLiveness): ProbeReport {
  if (l.mode === 'in-process') return { status: 'up', message: 'stages run inside the engine process (no crash isolation)' };
  const crashes = l.recentCrashes > 0 ? `; ${l.recentCrashes} crash(es) in 10 min, last: ${l.lastCrash?.detail}` : '';
  const overdue = l.startingForMs !== null && l.startingForMs > l.startupWindowMs;
  const startingInTime = l.starting > 0 && !overdue && l.launchError === null && l.recentCrashes < crashLoop;
  if (l.ready === 0) {
    if (startingInTime) return { status: 'starting', message: `starting ${processes(l.starting)} (${seconds(l.startingForMs ?? 0)} so far)${crashes}` };
    const why = l.launchError ? `: ${l.launchError}` : overdue ? `: not ready after ${seconds(l.startingForMs!)}` : l.starting > 0 ? ': starting' : '';
    return { status: 'down', explicit: l.starting === 0, message: `no worker process is running${why}${crashes}` };
  }
  const late = overdue ? ` (one for ${seconds(l.startingForMs!)} already)` : '';
  const summary = `${l.ready} of ${l.expected} workers ready, ${l.busy} busy${l.starting > 0 ? `, ${l.starting} starting${late}` : ''}`;
  if (l.ready < l.expected && startingInTime && l.ready + l.starting >= l.expected) return { status: 'starting', message: `${summary}${crashes}` };
  const status = l.recentCrashes >= crashLoop || l.ready < l.expected ? 'degraded' : 'up';
  return { status, message: `${summary}${crashes}` };
}
