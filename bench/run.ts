/**
 * `npm run bench [-- --quick]`: timing goals live here, never in tests. Prints one table per
 * section and writes bench-results/*.json. --quick runs smaller sizes (under a minute).
 */
import { queueBench } from './queue-bench';

const quick = process.argv.includes('--quick');
const t0 = Date.now();
process.stdout.write(`Lifeline bench${quick ? ' (quick)' : ''} on ${process.version}, ${require('node:os').cpus().length} cores\n`);
queueBench(quick);
process.stdout.write(`\ndone in ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);
