import type { Stage } from '../../shared/contract';
import type { StageParking } from '../queue/queue-store';
import type { SqliteDatabase } from './database';
import type { EventLog } from './event-log';

/** A stage's queued jobs wait while it cannot run, with the reason on each, and come back after. */
export class SqliteStageParking implements StageParking {
  private readonly tx;

  constructor(db: SqliteDatabase, log: EventLog) {
    const p = (sql: string) => db.prepare(sql);
    const s = {
      park: p(`UPDATE jobs SET state = 'waiting', wait_reason = @reason, updated_at = @now
               WHERE state = 'queued' AND stage = @stage RETURNING item_id`),
      reasonForWaiting: p(`UPDATE jobs SET wait_reason = @reason
                           WHERE state = 'waiting' AND stage = @stage AND wait_reason IS NOT @reason`),
      unpark: p(`UPDATE jobs SET state = 'queued', wait_reason = NULL, run_at = @now, updated_at = @now
                 WHERE state = 'waiting' AND stage = @stage RETURNING item_id`),
    };
    this.tx = {
      park: db.transaction((stage: Stage, reason: string, now: number) => {
        // Jobs already waiting take the newest reason ("no engine configured" → "breaker open").
        s.reasonForWaiting.run({ reason, stage });
        const rows = s.park.all({ reason, now, stage }) as { item_id: number }[];
        for (const r of rows) log.append(r.item_id, now, stage, { type: 'waiting', actor: 'engine', detail: reason });
        return rows.length;
      }),
      unpark: db.transaction((stage: Stage, now: number) => {
        const rows = s.unpark.all({ now, stage }) as { item_id: number }[];
        for (const r of rows)
          log.append(r.item_id, now, stage, { type: 'resumed', actor: 'engine', detail: `${stage} can run again` });
        return rows.length;
      }),
    };
  }

  park(stage: Stage, reason: string, now: number): number {
    return this.tx.park.immediate(stage, reason, now);
  }
  unpark(stage: Stage, now: number): number {
    return this.tx.unpark.immediate(stage, now);
  }
}
