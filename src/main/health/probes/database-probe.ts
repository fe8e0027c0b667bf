import { formatElapsed } from '../../../shared/text/format-elapsed';
import type { HealthStore } from '../../store/health-store';
import type { HealthProbe, ProbeReport } from '../health-probe';

/**
 * The store is writable (a one-row write, timed) and, on the first check after start, intact
 * (`PRAGMA quick_check`). A refused write is certain: shown at once.
 */
export function databaseProbe(health: HealthStore): HealthProbe {
  let checkedIntegrity = false;
  return {
    name: 'database',
    label: 'Database',
    required: true,
    gatesStartup: true,
    check(): ProbeReport {
      if (!checkedIntegrity) {
        const problems = health.quickCheck();
        checkedIntegrity = true;
        if (problems.length > 0)
          return {
            status: 'down',
            explicit: true,
            message: `integrity check failed: ${problems.slice(0, 3).join('; ')}`,
          };
      }
      const t = performance.now();
      try {
        health.probeWrite();
      } catch (err: unknown) {
        const code = (err as { code?: string }).code ?? 'error';
        const busy = code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED';
        return {
          status: busy ? 'degraded' : 'down',
          explicit: !busy,
          message: busy
            ? 'another process held the write lock past the busy timeout'
            : `a write was refused (${code}: ${(err as Error).message})`,
        };
      }
      const ms = performance.now() - t;
      return {
        status: ms > 1000 ? 'degraded' : 'up',
        latencyMs: ms,
        message: `writable (a write took ${formatElapsed(ms)})`,
      };
    },
  };
}
