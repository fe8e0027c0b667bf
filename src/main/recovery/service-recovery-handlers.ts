import { plural } from '../../shared/text/plural';
import type { BreakerBoard } from '../breakers/breaker-board';
import type { RecoveryHandler } from './auto-recovery';
import { missingCase } from '../../shared/missing-case';

/** What recovery needs of a stage's service (the engine's `StageService` is one). */
export interface RecoverableService {
  name: string;
  label: string;
  /** A local engine runs inside the worker processes (recovered by restarting them); an endpoint is re-probed. */
  kind: 'local-engine' | 'http-endpoint';
  /** The check that proves it does the work; rejects when it does not. `fresh`: no answer from a recent result. */
  probe?(signal: AbortSignal, options?: { fresh?: boolean }): Promise<unknown>;
}

/** The worker processes, as recovery restarts them (the engine's executor is one). */
export interface WorkerRecycler {
  /** Replaces every worker process; returns how many were replaced. */
  recycle(): number;
}

/**
 * The auto-recovery handler of a stage's service. A local engine lives in the worker processes:
 * restarting them reloads the engine and its model. An HTTP endpoint cannot be restarted from
 * here: it is probed again, and an answer ends the breaker's open time early. `current` is the
 * service as the settings have it now (a moved server is probed at its new address); its kind is
 * taken once, and a change of kind replaces the handler (service-roster.ts).
 */
export function serviceRecoveryHandler(
  current: () => RecoverableService,
  executor: WorkerRecycler,
  breakers: BreakerBoard,
): RecoveryHandler {
  const service = current();
  const probeAndExpedite = async (signal: AbortSignal): Promise<string> => {
    const now = current();
    if (!now.probe) return 'no probe to check it with; the breaker will let one item through when its open time is up';
    // Recovered only when the real check passes now.
    await now.probe(signal, { fresh: true });
    if (breakers.view(service.name)?.state !== 'open') return 'it answered its check: its stages resume';
    breakers.expedite(service.name, 'a recovery probe got an answer');
    return 'it answered its check: one item will now test it (half-open)';
  };
  switch (service.kind) {
    case 'local-engine':
      return {
        action: 'restart the worker processes (reloading the engine and its model)',
        run: async (signal) => {
          const n = executor.recycle();
          return `${plural(n, 'worker')} replaced; ${await probeAndExpedite(signal)}`;
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
export function databaseRecoveryHandler(check: () => void, executor: WorkerRecycler): RecoveryHandler {
  return {
    action: 'reopen the database',
    run: () => {
      check();
      const n = executor.recycle();
      return Promise.resolve(
        `a fresh connection took a write; ${plural(n, 'worker')} reopened ${n === 1 ? 'its' : 'theirs'}`,
      );
    },
  };
}
