import type { BreakerInfo } from '../../shared/contract';
import type { BreakerView } from '../breakers/breaker-board';
import type { StageHandler } from '../engine/stage-handler';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** A breaker as the contract shows it, with the stages whose jobs it holds. */
export function toBreakerInfo(view: BreakerView, stages: readonly StageHandler[]): BreakerInfo {
  return {
    name: view.name,
    label: view.label,
    state: view.state,
    since: iso(view.since),
    openUntil: iso(view.openUntil),
    consecutiveFailures: view.consecutiveFailures,
    reopenings: view.reopenings,
    reason: view.reason,
    stages: stages.filter((s) => s.service?.name === view.name).map((s) => s.stage),
  };
}
