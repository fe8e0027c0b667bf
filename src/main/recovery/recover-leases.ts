import type { Logger } from '../log/logger';
import type { Queue } from '../queue/queue';
import type { Lease } from '../queue/queue-store';
import { ownerIsGone } from './process-alive';

export interface RecoveryOutcome {
  itemId: number;
  rule: string;
  result: 'requeued' | 'dead' | 'lost_race';
}

function recoverAll(queue: Queue, leases: { lease: Lease; rule: string }[], maxRecoveries: number, log: Logger): RecoveryOutcome[] {
  return leases.map(({ lease, rule }) => {
    const result = queue.recover(lease, rule, maxRecoveries);
    log.warn({ itemId: lease.itemId, stage: lease.stage, owner: lease.owner, rule, result }, 'recovered job');
    return { itemId: lease.itemId, rule, result };
  });
}

/**
 * Startup sweep, run before this process claims anything: every job held by a process that is gone
 * (or whose lease has run out) goes back to the queue now, rather than when its lease would expire.
 */
export function startupSweep(queue: Queue, self: string, now: number, maxRecoveries: number, log: Logger): RecoveryOutcome[] {
  const stale = queue.store
    .leases()
    .filter((l) => l.owner !== self)
    .flatMap((lease) => {
      if (ownerIsGone(lease.owner, self)) return [{ lease, rule: `worker process gone (${lease.owner})` }];
      if (lease.expiresAt < now) return [{ lease, rule: 'lease expired (no heartbeat)' }];
      return [];
    });
  return recoverAll(queue, stale, maxRecoveries, log);
}

/** The continuous scan: leases that ran out without a heartbeat. Cost grows with running jobs only. */
export function recoverExpiredLeases(queue: Queue, now: number, maxRecoveries: number, log: Logger): RecoveryOutcome[] {
  const expired = queue.store.expiredLeases(now).map((lease) => ({
    lease,
    rule: `lease expired (no heartbeat for ${((now - lease.heartbeatAt) / 1000).toFixed(1)} s)`,
  }));
  return recoverAll(queue, expired, maxRecoveries, log);
}
