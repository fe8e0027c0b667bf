import type { StageExecutor } from '../../engine/stage-executor';
import type { HealthProbe, ProbeReport } from '../health-probe';

/** The worker processes: are there enough, and do they keep dying? */
export function workersProbe(executor: StageExecutor): HealthProbe {
  return {
    name: 'workers',
    label: 'Workers',
    required: true,
    check(): ProbeReport {
      const l = executor.liveness();
      if (l.mode === 'in-process') return { status: 'up', message: 'stages run inside the engine process (no crash isolation)' };
      const crashes = l.recentCrashes > 0 ? `; ${l.recentCrashes} crash(es) in 10 min, last: ${l.lastCrash?.detail}` : '';
      if (l.ready === 0) {
        const why = l.launchError ? `: ${l.launchError}` : l.starting > 0 ? ': starting' : '';
        return { status: 'down', explicit: l.starting === 0, message: `no worker process is running${why}${crashes}` };
      }
      const status = l.recentCrashes >= 3 || l.ready < l.expected ? 'degraded' : 'up';
      return { status, message: `${l.ready} of ${l.expected} workers ready, ${l.busy} busy${crashes}` };
    },
  };
}
