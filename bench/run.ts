/**
 * `npm run bench [-- --quick] [--only=queue,engine,…]`: timing goals live here, never in tests. Prints one table per
 * section and writes bench-results/*.json. --quick runs smaller sizes (under a minute).
 */
import { memoryBench } from './memory-bench';
import { pipelineBench } from './pipeline-bench';
import { engineBench } from './engine-bench';
import { intakeStallBench } from './intake-stall-bench';
import { queueBench } from './queue-bench';
import { recoveryBench } from './recovery-bench';
import { weightBench } from './weight-bench';
import { backupBench } from './backup-bench';

async function main() {
  const quick = process.argv.includes('--quick');
  const t0 = Date.now();
  process.stdout.write(
    `Lifeline bench${quick ? ' (quick)' : ''} on ${process.version}, ${require('node:os').cpus().length} cores\n`,
  );
  const sections: Record<string, (quick: boolean) => unknown> = {
    queue: queueBench,
    recovery: recoveryBench,
    engine: engineBench,
    stall: intakeStallBench,
    pipeline: pipelineBench,
    weight: weightBench,
    backup: backupBench,
    memory: memoryBench,
  };
  // `--only queue,engine` runs those sections alone, e.g. to measure on a quiet machine.
  const only = process.argv
    .find((a) => a.startsWith('--only='))
    ?.slice('--only='.length)
    .split(',');
  const unknown = only?.filter((name) => !(name in sections)) ?? [];
  if (unknown.length > 0)
    throw new Error(`unknown bench section ${unknown.join(', ')}; known: ${Object.keys(sections).join(', ')}`);
  for (const [name, run] of Object.entries(sections)) if (!only || only.includes(name)) await run(quick);
  process.stdout.write(`\ndone in ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);
}

void main().catch((err: unknown) => {
  process.stderr.write(`bench failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
