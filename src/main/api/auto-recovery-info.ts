import type { AutoRecoveryInfo } from '../../shared/contract';
import type { AutoRecoveryStatus } from '../recovery/auto-recovery';

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
