import type { Metrics, RecoveryStats, Stage } from '../../shared/contract';
import type { Store } from '../store/store';
import type { Clock } from '../time/clock';
import { percentile } from './percentile';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const iso = (ms: number) => new Date(ms).toISOString();

/** Recovery success over a period: recovered stages that then succeeded, over those that ended at all. */
export function recoverySummary(store: Store, since: number): RecoveryStats['last24h'] {
  const results = store.recoveryLog.resultsSince(since);
  const byRule: Record<string, number> = {};
  const byStrategy: Record<string, number> = {};
  for (const r of store.recoveryLog.countsSince(since)) {
    byRule[r.rule] = (byRule[r.rule] ?? 0) + r.count;
    byStrategy[r.strategy] = (byStrategy[r.strategy] ?? 0) + r.count;
  }
  let succeeded = 0;
  let failed = 0;
  let pending = 0;
  let ttrSum = 0;
  for (const r of results) {
    if (r.succeededAt !== null) {
      succeeded++;
      ttrSum += r.succeededAt - r.stalledSince;
    } else if (r.outcome === 'dead' || r.deadNow) {
      failed++;
    } else {
      pending++;
    }
  }
  return {
    recoveries: results.length,
    byRule,
    byStrategy,
    successRate: succeeded + failed > 0 ? succeeded / (succeeded + failed) : null,
    meanTimeToRecoveryMs: succeeded > 0 ? ttrSum / succeeded : null,
    pending,
  };
}

/**
 * Metrics for the dashboard and `lifeline metrics --json`, computed on request from what the queue
 * writes anyway (events, jobs, the recovery log): the hot path pays nothing for them.
 */
export function computeMetrics(store: Store, clock: Clock, stageOrder: readonly Stage[]): Metrics {
  const now = clock.now();
  // 60 one-minute buckets, the last one being the current (partial) minute.
  const firstMinute = Math.floor(now / 60_000) * 60_000 - 59 * 60_000;
  const minutes = Array.from({ length: 60 }, (_, i) => ({
    start: firstMinute + i * 60_000,
    completions: Object.fromEntries(stageOrder.map((s) => [s, 0])) as Record<string, number>,
  }));
  const runsByStage = new Map<string, number[]>(stageOrder.map((s) => [s, []]));
  for (const run of store.metrics.runsSince(firstMinute)) {
    const m = minutes[Math.floor((run.at - firstMinute) / 60_000)];
    if (m) m.completions[run.stage] = (m.completions[run.stage] ?? 0) + 1;
    if (run.runMs !== null) runsByStage.get(run.stage)?.push(run.runMs);
  }
  const last = stageOrder.at(-1);
  const latency: Metrics['latency'] = {};
  for (const [stage, xs] of runsByStage)
    latency[stage] = { runs: xs.length, p50Ms: percentile(xs, 50), p95Ms: percentile(xs, 95) };
  const recovery = recoverySummary(store, now - DAY);
  const byCode = store.metrics.deadLettersByCode();
  return {
    at: iso(now),
    counts: store.reads.overview().byStage,
    throughputPerMinute: minutes.map((m) => ({
      minute: iso(m.start),
      completions: m.completions,
      itemsDone: last ? (m.completions[last] ?? 0) : 0,
    })),
    latency,
    recovery24h: {
      recoveries: recovery.recoveries,
      successRate: recovery.successRate,
      meanTimeToRecoveryMs: recovery.meanTimeToRecoveryMs,
    },
    deadLetters: { total: byCode.reduce((n, r) => n + r.count, 0), byCode },
  };
}
