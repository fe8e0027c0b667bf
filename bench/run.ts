/**
 * `npm run bench [-- --quick]`: timing goals live here, never in tests. Prints one table per
 * section and writes bench-results/*.json. --quick runs smaller sizes (under a minute).
 */
import { pipelineBench } from './pipeline-bench';
import { queueBench } from './queue-bench';

const quick = process.argv.includes('--quick');
const t0 = Date.now();
process.stdout.write(`Lifeline bench${quick ? ' (quick)' : ''} on ${process.version}, ${require('node:os').cpus().length} cores\n`);
queueBench(quick);
void pipelineBench(quick).then(
  () => process.stdout.write(`\ndone in ${((Date.now() - t0) / 1000).toFixed(1)} s\n`),
  (err: unknown) => {
    process.stderr.write(`pipeline bench failed: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
