import type { HealthConfig } from '../../config/config';
import type { HealthStore } from '../../store/health-store';
import { ownerIsGone } from '../../recovery/process-alive';
import type { HealthProbe, ProbeReport } from '../health-probe';
import { engineOwnerIn } from './process-probe';

/**
 * In a process without an engine (the CLI): is an engine running elsewhere on this store? A running
 * engine records its checks every interval; a fresh `engine` result means yes, and is shown as is,
 * unless the process it names is gone (killed: it wrote nothing more, and its last check is still fresh).
 */
export function remoteEngineProbe(
  health: HealthStore,
  now: () => number,
  config: () => HealthConfig,
  self: string,
): HealthProbe {
  return {
    name: 'engine',
    label: 'Engine',
    required: false,
    check(): ProbeReport {
      const last = health.history('engine', 1)[0];
      const freshFor = 2 * config().intervalMs + 10_000;
      if (!last || now() - last.at > freshFor) {
        return {
          status: 'down',
          explicit: true,
          message: 'no Lifeline app or `lifeline serve` is running on this data dir: nothing is being processed',
        };
      }
      const owner = engineOwnerIn(last.message);
      if (owner && ownerIsGone(owner, self)) {
        return {
          status: 'down',
          explicit: true,
          message: `the engine process that last ran on this data dir (pid ${owner.split(':')[1]}) is gone: nothing is being processed`,
        };
      }
      const ago = ((now() - last.at) / 1000).toFixed(0);
      return {
        status: last.status as ProbeReport['status'],
        latencyMs: null,
        message: `running (its last check ${ago} s ago: ${last.message})`,
      };
    },
  };
}
