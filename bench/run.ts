/**
 * `npm run bench [-- --quick]`: timing goals live here, never in tests. Prints one table per
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
  queueBench(quick);
  await recoveryBench(quick);
  await engineBench(quick);
  await intakeStallBench(quick);
  await pipelineBench(quick);
  await weightBench(quick);
  await backupBench(quick);
  await memoryBench(quick);
  process.stdout.write(`\ndone in ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);
}

void main().catch((err: unknown) => {
  process.stderr.write(`bench failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
