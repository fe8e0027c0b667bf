import { itemStates, stages, type ItemState, type Overview, type Stage } from '../../shared/contract';
import type { SqliteDatabase } from './database';

/**
 * Counts of jobs by stage and state: a scan of the jobs table (no index of its own, to keep the hot
 * path lean), so its answer is kept until the database changes. `PRAGMA data_version` moves when
 * another connection commits, `total_changes()` when this one writes: together they say whether
 * the last answer still holds. The Overview, the stages' counts and `lifeline status` asking at
 * the same moment then cost one scan, not one each.
 */
export class OverviewCounts {
  private readonly s;
  private last: { key: string; value: Overview } | null = null;

  constructor(db: SqliteDatabase) {
    this.s = {
      counts: db.prepare(`SELECT stage, state, count(*) AS n FROM jobs GROUP BY stage, state`),
      dataVersion: db.prepare(`PRAGMA data_version`).pluck(),
      changes: db.prepare(`SELECT total_changes()`).pluck(),
    };
  }

  overview(): Overview {
    const key = `${String(this.s.dataVersion.get())}:${String(this.s.changes.get())}`;
    if (this.last?.key === key) return structuredClone(this.last.value);
    const zero = () => Object.fromEntries(itemStates.map((s) => [s, 0])) as Record<ItemState, number>;
    const byStage = Object.fromEntries(stages.map((s) => [s, zero()])) as Record<Stage, Record<ItemState, number>>;
    const totals = zero();
    let items = 0;
    for (const r of this.s.counts.all() as { stage: Stage; state: ItemState; n: number }[]) {
      byStage[r.stage][r.state] += r.n;
      totals[r.state] += r.n;
      items += r.n;
    }
    const value = { byStage, totals, items };
    this.last = { key, value };
    return structuredClone(value);
  }
}
