import type { HealthConfig } from '../../config/config';
import type { HealthStore } from '../../store/health-store';
import type { HealthProbe, ProbeReport } from '../health-probe';

/**
 * In a process without an engine (the CLI): is an engine running elsewhere on this store? A running
 * engine records its checks every interval; a fresh `engine` result means yes, and is shown as is.
 */
export function remoteEngineProbe(health: HealthStore, now: () => number, config: () => HealthConfig): HealthProbe {
  return {
    name: 'engine',
    label: 'Engine',
    required: false,
    check(): ProbeReport {
      const last = health.history('engine', 1)[0];
      const freshFor = 2 * config().intervalMs + 10_000;
      if (!last || now() - last.at > freshFor) {
        return { status: 'down', explicit: true, message: 'no Lifeline app or `lifeline serve` is running on this data dir: nothing is being processed' };
      }
      const ago = ((now() - last.at) / 1000).toFixed(0);
      return { status: last.status as ProbeReport['status'], latencyMs: null, message: `running (its last check ${ago} s ago: ${last.message})` };
    },
  };
}
