import { plural } from '../../shared/text/plural';
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
 * its window, a launch error or a crash loop is a failure as before. Idle workers that do not answer
 * pings are not counted ready (they get no job) and are named, as are those replaced for it.
 * A pool that starts workers on demand is up with none running ("idle, started on demand") and
 * while one starts for waiting work (degraded in a crash loop); a launch error, a start past its
 * window or silent workers are failures as before.
 */
export function workersHealth(l: WorkerLiveness): ProbeReport {
  if (l.mode === 'in-process')
    return { status: 'up', message: 'stages run inside the engine process (no crash isolation)' };
  const replaced =
    l.recentReplacements > 0
      ? `; ${l.recentReplacements} replaced for not answering in 10 min, last: ${l.lastReplacement?.detail}`
      : '';
  const crashes = `${l.recentCrashes > 0 ? `; ${plural(l.recentCrashes, 'crash', 'crashes')} in 10 min, last: ${l.lastCrash?.detail}` : ''}${replaced}`;
  const silent = l.silent > 0 ? `, ${l.silent} not answering (replaced if silent for a lease)` : '';
  const overdue = l.startingForMs !== null && l.startingForMs > l.startupWindowMs;
  const startingInTime = l.starting > 0 && !overdue && l.launchError === null && l.recentCrashes < crashLoop;
  // On demand, no worker running is the idle state and a start for waiting work is the pool at work.
  if (l.onDemand && l.launchError === null && !overdue && l.silent === 0) {
    const status = l.recentCrashes >= crashLoop ? 'degraded' : 'up';
    if (l.ready === 0 && l.starting === 0)
      return { status, message: `idle, started on demand (up to ${processes(l.expected)})${crashes}` };
    const starting = l.starting > 0 ? `, ${l.starting} starting (${seconds(l.startingForMs ?? 0)} so far)` : '';
    return {
      status,
      message: `${l.ready} of up to ${plural(l.expected, 'worker')} running, ${l.busy} busy${starting}${crashes}`,
    };
  }
  if (l.ready === 0) {
    if (startingInTime)
      return {
        status: 'starting',
        message: `starting ${processes(l.starting)} (${seconds(l.startingForMs ?? 0)} so far)${crashes}`,
      };
    const why = l.launchError
      ? `: ${l.launchError}`
      : overdue
        ? `: not ready after ${seconds(l.startingForMs!)}`
        : l.silent > 0
          ? `: ${processes(l.silent)} idle and not answering (frozen?), being replaced`
          : l.starting > 0
            ? ': starting'
            : '';
    const none = l.silent > 0 ? 'no worker process answers' : 'no worker process is running';
    return { status: 'down', explicit: l.starting === 0, message: `${none}${why}${crashes}` };
  }
  const late = overdue ? ` (one for ${seconds(l.startingForMs!)} already)` : '';
  const summary = `${l.ready} of ${plural(l.expected, 'worker')} ready, ${l.busy} busy${silent}${l.starting > 0 ? `, ${l.starting} starting${late}` : ''}`;
  if (l.ready < l.expected && l.silent === 0 && startingInTime && l.ready + l.starting >= l.expected)
    return { status: 'starting', message: `${summary}${crashes}` };
  const short = !l.onDemand && l.ready < l.expected;
  const status = l.recentCrashes >= crashLoop || short || l.silent > 0 || overdue ? 'degraded' : 'up';
  return { status, message: `${summary}${crashes}` };
}
