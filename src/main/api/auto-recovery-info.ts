import type { AutoRecoveryInfo, ServiceHealth } from '../../shared/contract';
import type { BreakerBoard } from '../breakers/breaker-board';
import type { AutoRecovery, AutoRecoveryStatus } from '../recovery/auto-recovery';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** A service's auto-recovery handler as the contract shows it. */
export function toAutoRecoveryInfo(a: AutoRecoveryStatus): AutoRecoveryInfo {
  return {
    action: a.action,
    attempts: a.attempts,
    maxAttempts: a.maxAttempts,
    lastRunAt: iso(a.lastRunAt),
    nextAllowedAt: iso(a.nextAllowedAt),
    running: a.running,
  };
}

/** What a service's health row shows besides its checks: its breaker and its auto-recovery. */
export function serviceExtras(
  name: string,
  breakers: Pick<BreakerBoard, 'has' | 'view'>,
  autoRecovery: Pick<AutoRecovery, 'status'> | null,
): Pick<ServiceHealth, 'breaker' | 'needsYou' | 'autoRecovery'> {
  const b = breakers.has(name) ? breakers.view(name) : undefined;
  const a = autoRecovery?.status(name);
  return {
    breaker: b ? { state: b.state, openUntil: iso(b.openUntil), reason: b.reason } : null,
    needsYou: a?.needsYou ?? false,
    autoRecovery: a ? toAutoRecoveryInfo(a) : null,
  };
}
