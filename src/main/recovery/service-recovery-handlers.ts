import type { BreakerBoard } from '../breakers/breaker-board';
import type { StageExecutor } from '../engine/stage-executor';
import type { StageService } from '../pipeline/stage-handler';
import type { RecoveryHandler } from './auto-recovery';
import { missingCase } from '../queue/job-state';

/**
 * The auto-recovery handler of a stage's service. A local engine lives in the worker processes:
 * restarting them reloads the engine and its model. An HTTP endpoint cannot be restarted from
 * here: it is probed again, and an answer ends the breaker's open time early. `current` is the
 * service as the settings have it now (a moved server is probed at its new address); its kind is
 * taken once, and a change of kind replaces the handler (service-roster.ts).
 */
export function serviceRecoveryHandler(current: () => StageService, executor: StageExecutor, breakers: BreakerBoard): RecoveryHandler {
  const service = current();
  const probeAndExpedite = async (signal: AbortSignal): Promise<string> => {
    const now = current();
    if (!now.probe) return 'no probe to check it with; the breaker will let one item through when its open time is up';
    await now.probe(signal);
    breakers.expedite(service.name, 'a recovery probe got an answer');
    return 'it answered: one item will now test it (half-open)';
  };
  switch (service.kind) {
    case 'local-engine':
      return {
        action: 'restart the worker processes (reloading the engine and its model)',
        run: async (signal) => {
          const n = executor.recycle();
          return `${n} worker(s) replaced; ${await probeAndExpedite(signal)}`;
        },
      };
    case 'http-endpoint':
      return {
        action: 're-probe the endpoint',
        run: async (signal) => {
          if (!current().probe) throw new Error(`${service.label} has no probe configured`);
          return probeAndExpedite(signal);
        },
      };
    default:
      return missingCase(service.kind);
  }
}

/**
 * The database's handler: a fresh connection proves the file takes writes (`check`), and the worker
 * processes are restarted so that each reopens its own connection.
 */
export function databaseRecoveryHandler(check: () => void, executor: StageExecutor): RecoveryHandler {
  return {
    action: 'reopen the database',
    run: () => {
      check();
      const n = executor.recycle();
      return Promise.resolve(`a fresh connection took a write; ${n} worker(s) reopened theirs`);
    },
  };
}
