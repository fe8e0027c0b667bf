/**
 * A whole engine in its own process, for multi-process tests: runs one stage whose work is to
 * append the item id to a log file (one line per execution), until the queue is empty.
 * Usage: node --import tsx test/support/engine-process.ts <dataDir> <runLog> [concurrency]
 */
import fs from 'node:fs';
import type { StageHandler } from '../../src/main/engine/stage-handler';
import { engineFixture } from './engine-fixture';

const [dataDir, runLog, conc] = process.argv.slice(2);
if (!dataDir || !runLog) throw new Error('usage: engine-process.ts <dataDir> <runLog> [concurrency]');
const concurrency = Number(conc ?? 4);

const recordingStage: StageHandler = {
  stage: 'ingest',
  availability: () => ({ ok: true }),
  async run(ctx) {
    fs.appendFileSync(runLog, `${ctx.item.id}\n`);
    await new Promise((r) => setTimeout(r, Math.random() * 2));
  },
};

const f = engineFixture(dataDir, {
  stages: () => [recordingStage],
  config: { concurrency: { ingest: concurrency, transcribe: 0, extract: 0, index: 0 }, idlePollMs: 20 },
});
f.engine.start();
const timer = setInterval(() => {
  const o = f.store.reads.overview();
  if (o.totals.queued === 0 && o.totals.running === 0 && f.engine.runningJobs === 0) {
    clearInterval(timer);
    void f.engine.stop(1000).then(() => {
      f.store.close();
      process.exit(0);
    });
  }
}, 50);
