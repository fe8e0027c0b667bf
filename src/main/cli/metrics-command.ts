import type { Command } from 'commander';
import { callOnce, json, ms, out, pct } from './cli-io';
import { table } from './format';

/** `lifeline metrics [--json]`: counts, throughput, latency, recovery and dead letters. */
export function metricsCommand(program: Command): void {
  program
    .command('metrics')
    .description('counts, throughput over the last hour, stage latency, recovery rate, dead letters')
    .option('--json', 'machine-readable output')
    .action(async (opts: { json?: boolean }) => {
      const m = await callOnce(program, 'metrics:get', {});
      if (opts.json) return json(m);
      const done = m.throughputPerMinute.reduce((n, x) => n + x.itemsDone, 0);
      const r = m.recovery24h;
      out(
        [
          `items done in the last hour: ${done}`,
          '',
          table(
            ['stage', 'runs (1 h)', 'p50', 'p95'],
            Object.entries(m.latency).map(([s, l]) => [s, String(l.runs), ms(l.p50Ms), ms(l.p95Ms)]),
          ),
          '',
          `recoveries (24 h): ${r.recoveries}, success ${pct(r.successRate === null ? null : 100 * r.successRate)}, mean time to recovery ${ms(r.meanTimeToRecoveryMs)}`,
          `dead letters: ${m.deadLetters.total}${m.deadLetters.byCode.map((d) => `\n  ${d.code} at ${d.stage}: ${d.count}`).join('')}`,
        ].join('\n'),
      );
    });
}
