import type { Migration } from './migration';

/**
 * Whether a claimed job's work has begun: `leases.awaiting_worker_since` (ms epoch) is set while the
 * job waits for a worker process to start for it, and cleared the moment that worker takes it. A
 * recovery of a lease that still carries it (the engine was killed during the start) puts the job
 * back with no recovery counted and no attempt spent: nothing of its work ran.
 *
 * Null, the default, means the work began: a claim whose stage has a ready worker is handed over in
 * the same tick, so the claim path writes nothing more. Leases left by an older version read as
 * begun, which counts a recovery as before.
 */
export const m0013WorkNotBegun: Migration = {
  version: 13,
  name: 'work-not-begun',
  sql: `
    ALTER TABLE leases ADD COLUMN awaiting_worker_since INTEGER;
  `,
};
