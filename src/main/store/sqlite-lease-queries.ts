import type { Stage } from '../../shared/contract';
import type { Lease, LeaseReads } from '../queue/queue-store';
import type { SqliteDatabase } from './database';

interface LeaseRow {
  item_id: number;
  token: number;
  owner: string;
  stage: Stage;
  acquired_at: number;
  expires_at: number;
  heartbeat_at: number;
  progress_step: string | null;
  progress_percent: number | null;
  progress_changed_at: number;
  attempts: number;
  max_attempts: number;
  recoveries: number;
  awaiting_worker_since: number | null;
}

const toLease = (r: LeaseRow): Lease => ({
  itemId: r.item_id,
  token: r.token,
  owner: r.owner,
  stage: r.stage,
  acquiredAt: r.acquired_at,
  expiresAt: r.expires_at,
  heartbeatAt: r.heartbeat_at,
  progressStep: r.progress_step,
  progressPercent: r.progress_percent,
  progressChangedAt: r.progress_changed_at,
  attempts: r.attempts,
  maxAttempts: r.max_attempts,
  recoveries: r.recoveries,
  awaitingWorkerSince: r.awaiting_worker_since,
});

const columns = `l.item_id, l.token, l.owner, l.stage, l.acquired_at, l.expires_at, l.heartbeat_at, l.progress_step,
                 l.progress_percent, l.progress_changed_at, l.awaiting_worker_since, j.attempts, j.max_attempts,
                 j.recoveries`;
const from = `leases l JOIN jobs j ON j.item_id = l.item_id`;

/**
 * What the recovery side reads about live leases. `leases` holds one row per running job, so every
 * query here costs in proportion to the work running now, never to the items or events tables.
 */
export class SqliteLeaseQueries implements LeaseReads {
  private readonly s;

  constructor(db: SqliteDatabase) {
    const p = (sql: string) => db.prepare(sql);
    this.s = {
      all: p(`SELECT ${columns} FROM ${from} ORDER BY l.item_id`),
      expired: p(`SELECT ${columns} FROM ${from} WHERE l.expires_at < @now ORDER BY l.expires_at`),
      one: p(`SELECT ${columns} FROM ${from} WHERE l.item_id = @itemId`),
      owners: p(`SELECT DISTINCT owner FROM leases`).pluck(),
      ownedBy: p(`SELECT ${columns} FROM ${from} WHERE l.owner = @owner ORDER BY l.item_id`),
    };
  }

  all(): Lease[] {
    return (this.s.all.all() as LeaseRow[]).map(toLease);
  }
  expired(now: number): Lease[] {
    return (this.s.expired.all({ now }) as LeaseRow[]).map(toLease);
  }
  one(itemId: number): Lease | undefined {
    const r = this.s.one.get({ itemId }) as LeaseRow | undefined;
    return r && toLease(r);
  }
  of(itemIds: readonly number[]): Lease[] {
    return itemIds.flatMap((id) => this.one(id) ?? []);
  }
  owners(): string[] {
    return this.s.owners.all() as string[];
  }
  ownedBy(owner: string): Lease[] {
    return (this.s.ownedBy.all({ owner }) as LeaseRow[]).map(toLease);
  }
}
