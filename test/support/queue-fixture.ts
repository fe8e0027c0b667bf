import crypto from 'node:crypto';
import path from 'node:path';
import { stages } from '../../src/shared/contract';
import { defaultConfig } from '../../src/main/config/config';
import { dataPaths } from '../../src/main/config/data-dir';
import { Queue } from '../../src/main/queue/queue';
import { openStore } from '../../src/main/store/store';
import { FakeClock } from '../../src/main/time/clock';

/** A real SQLite store in `dir` with the pipeline's queue rules and a fake clock. */
export function queueFixture(dir: string, options: { random?: () => number } = {}) {
  const paths = dataPaths(dir);
  const store = openStore(paths);
  const clock = new FakeClock();
  const queue = new Queue(store.queuePorts, {
    stageOrder: stages,
    policies: defaultConfig.stages,
    clock,
    random: options.random ?? (() => 0.5),
  });
  return { paths, store, clock, queue };
}

let counter = 0;
/** A made-up item (no file behind it): enough for queue rules. */
export function fakeItem(name = `rec-${++counter}.wav`) {
  return {
    sha256: crypto.createHash('sha256').update(`${name}:${counter}:${Math.random()}`).digest('hex'),
    sourcePath: path.join('/recordings', name),
    fileName: name,
    sizeBytes: 1000,
    priority: 0,
  };
}
