/**
 * The real pipeline in an engine of its own process, for kill-and-resume tests: runs until every
 * item is done or dead, then exits. Engines and settings come from the environment (LIFELINE_*).
 * Usage: node --import tsx test/support/pipeline-process.ts <dataDir>
 */
import { engineFixture } from './engine-fixture';

const [dataDir] = process.argv.slice(2);
if (!dataDir) throw new Error('usage: pipeline-process.ts <dataDir>');

const f = engineFixture(dataDir);
f.engine.start();
const timer = setInterval(() => {
  const o = f.store.reads.overview();
  if (o.totals.done + o.totals.dead === o.items && f.engine.runningJobs === 0) {
    clearInterval(timer);
    void f.engine.stop(1000).then(() => {
      f.store.close();
      process.exit(0);
    });
  }
}, 50);
