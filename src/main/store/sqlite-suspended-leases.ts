import type { SuspendedLeases } from '../queue/queue-store';
import type { SqliteDatabase } from './database';

/** After a suspend: leases outlive the time asleep, so a sleeping machine recovers nothing. */
export class SqliteSuspendedLeases implements SuspendedLeases {
  private readonly tx;

  constructor(db: SqliteDatabase) {
    const shiftOwn =
      db.prepare(`UPDATE leases SET acquired_at = acquired_at + @jump, progress_changed_at = progress_changed_at + @jump,
                    expires_at = max(expires_at + @jump, @minExpires) WHERE owner = @owner`);
    const extendOthers = db.prepare(
      `UPDATE leases SET expires_at = @minExpires WHERE owner <> @owner AND expires_at < @minExpires`,
    );
    this.tx = db.transaction((owner: string, jump: number, minExpires: number) => {
      const own = shiftOwn.run({ owner, jump, minExpires }).changes;
      return own + extendOthers.run({ owner, minExpires }).changes;
    });
  }

  extend(owner: string, jumpMs: number, minExpiresAt: number): number {
    return this.tx.immediate(owner, jumpMs, minExpiresAt);
  }
}
