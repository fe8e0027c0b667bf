import crypto from 'node:crypto';
import path from 'node:path';
import { defaultConfig } from '../../src/main/config/config';
import { dataPaths } from '../../src/main/config/data-dir';
import { Queue } from '../../src/main/queue/queue';
import { openStore } from '../../src/main/store/store';
import { systemClock } from '../../src/main/time/clock';
import { tempDir } from './temp-dir';
import { ensureTestTables } from './test-stages';

/**
 * A new data dir with items named `names` (the test stages read what to do from the name), queued at
 * ingest and then transcribe, and the store closed again: for tests that start engines as processes.
 */
export function seedTestItems(names: readonly string[]): { dataDir: string; ids: Map<string, number> } {
  const dataDir = path.join(tempDir(), 'data');
  const store = openStore(dataPaths(dataDir));
  ensureTestTables(store);
  const queue = new Queue(store.queuePorts, {
    stageOrder: ['ingest', 'transcribe'],
    policies: defaultConfig.stages,
    clock: systemClock,
  });
  const ids = new Map(
    names.map((n) => [
      n,
      queue.add({
        sha256: crypto.randomBytes(32).toString('hex'),
        sourcePath: `/t/${n}`,
        fileName: n,
        sizeBytes: 1,
        priority: 0,
      }).itemId,
    ]),
  );
  store.close();
  return { dataDir, ids };
}
