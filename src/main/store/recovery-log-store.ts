import type { Stage } from '../../shared/contract';
import type { SqliteDatabase } from './database';
import { chainHead, eventChainWalk } from './event-log';

export type RecoveryTrigger = 'startup' | 'scan' | 'worker_exit' | 'manual';
export type RecoveryOutcomeKind = 'requeued' | 'succeeded' | 'dead' | 'lost_race' | 'failed';

export interface RecoveryLogEntry {
  itemId: number;
  stage: Stage;
  rule: string;
  ruleDetail: string;
  strategy: string;
  outcome: RecoveryOutcomeKind;
  trigger: RecoveryTrigger;
  owner: string;
  checkpointPercent: number | null;
  stalledSince: number;
  detectedAt: number;
  durationMs: number;
  detail: string | null;
}

export interface RecoveryLogRow extends RecoveryLogEntry {
  id: number;
}

interface Row {
  id: number;
  item_id: number;
  stage: Stage;
  rule: string;
  rule_detail: string;
  strategy: string;
  outcome: RecoveryOutcomeKind;
  trigger: RecoveryTrigger;
  owner: string;
  checkpoint_percent: number | null;
  stalled_since: number;
  detected_at: number;
  duration_ms: number;
  detail: string | null;
}

const toRow = (r: Row): RecoveryLogRow => ({
  id: r.id,
  itemId: r.item_id,
  stage: r.stage,
  rule: r.rule,
  ruleDetail: r.rule_detail,
  strategy: r.strategy,
  outcome: r.outcome,
  trigger: r.trigger,
  owner: r.owner,
  checkpointPercent: r.checkpoint_percent,
  stalledSince: r.stalled_since,
  detectedAt: r.detected_at,
  durationMs: r.duration_ms,
  detail: r.detail,
});

/** A recovery joined with what became of its job: the stage's next success after it, if any. */
export interface RecoveryResult {
  outcome: RecoveryOutcomeKind;
  stalledSince: number;
  detectedAt: number;
  /** When the recovered stage next succeeded (ms epoch), or null. */
  succeededAt: number | null;
  /** The item's job is now a dead letter at that stage. */
  deadNow: boolean;
}

const columns = `id, item_id, stage, rule, rule_detail, strategy, outcome, trigger, owner, checkpoint_percent, stalled_since, detected_at,
                 duration_ms, detail`;

/** One row per recovery: which rule found the job, what was done, how it ended, how long it took. */
export class RecoveryLogStore {
  private readonly s;

  constructor(db: SqliteDatabase) {
    const p = (sql: string) => db.prepare(sql);
    this.s = {
      insert:
        p(`INSERT INTO recovery_log (item_id, stage, rule, rule_detail, strategy, outcome, trigger, owner, checkpoint_percent,
                   stalled_since, detected_at, duration_ms, detail)
                 VALUES (@itemId, @stage, @rule, @ruleDetail, @strategy, @outcome, @trigger, @owner, @checkpointPercent,
                   @stalledSince, @detectedAt, @durationMs, @detail)`),
      forItem: p(`SELECT ${columns} FROM recovery_log WHERE item_id = @itemId ORDER BY id`),
      latestForItem: p(`SELECT ${columns} FROM recovery_log WHERE item_id = @itemId ORDER BY id DESC LIMIT @limit`),
      recent: p(`SELECT ${columns} FROM recovery_log ORDER BY id DESC LIMIT @limit`),
      // The stage's first success after each recovery: a walk back along the item's event chain
      // (migration 0007) from its newest event to the recovery, so only events since then are read.
      results: p(`SELECT r.outcome, r.stalled_since, r.detected_at,
                    (WITH RECURSIVE ${eventChainWalk('back', ['at', 'type', 'stage'], chainHead('r.item_id'), 'c.at >= r.detected_at')}
                     SELECT min(at) FROM back WHERE stage = r.stage AND type IN ('succeeded', 'validated') AND at >= r.detected_at)
                     AS succeeded_at,
                    (SELECT j.state = 'dead' AND j.stage = r.stage FROM jobs j WHERE j.item_id = r.item_id) AS dead_now
                  FROM recovery_log r WHERE r.detected_at >= @since`),
      prune: p(`DELETE FROM recovery_log WHERE detected_at < @before`),
      counts: p(
        `SELECT rule, strategy, count(*) AS count FROM recovery_log WHERE detected_at >= @since GROUP BY rule, strategy`,
      ),
    };
  }

  insert(e: RecoveryLogEntry): void {
    this.s.insert.run(e);
  }

  forItem(itemId: number): RecoveryLogRow[] {
    return (this.s.forItem.all({ itemId }) as Row[]).map(toRow);
  }

  /** The item's newest recoveries, newest first. */
  latestForItem(itemId: number, limit: number): RecoveryLogRow[] {
    return (this.s.latestForItem.all({ itemId, limit }) as Row[]).map(toRow);
  }

  recent(limit: number): RecoveryLogRow[] {
    return (this.s.recent.all({ limit }) as Row[]).map(toRow);
  }

  resultsSince(since: number): RecoveryResult[] {
    return (
      this.s.results.all({ since }) as {
        outcome: RecoveryOutcomeKind;
        stalled_since: number;
        detected_at: number;
        succeeded_at: number | null;
        dead_now: number | null;
      }[]
    ).map((r) => ({
      outcome: r.outcome,
      stalledSince: r.stalled_since,
      detectedAt: r.detected_at,
      succeededAt: r.succeeded_at,
      deadNow: r.dead_now === 1,
    }));
  }

  countsSince(since: number): { rule: string; strategy: string; count: number }[] {
    return this.s.counts.all({ since }) as { rule: string; strategy: string; count: number }[];
  }

  prune(before: number): number {
    return this.s.prune.run({ before }).changes;
  }
}
