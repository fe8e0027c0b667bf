import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openLifeline, type Lifeline } from '../../src/main/lifeline';
import { writeWav } from '../support/audio-files';
import { closeAfterEach } from '../support/close-after-each';
import { valueOf } from '../support/lifeline-calls';
import { tempDir } from '../support/temp-dir';
import { testStagesFor } from '../support/test-stages';

// README, Durability: "if the -wal is lost, those items go back to an earlier stage and that work is
// redone. No acknowledged item is lost and no id is reused." backup-restore.test.ts shows the file
// alone holds an acknowledged add; this opens that file as the store and goes on adding.

const closing = closeAfterEach();

function open(dataDir: string, withEngine: boolean): Lifeline {
  fs.mkdirSync(path.join(dataDir, 'tmp'), { recursive: true });
  return closing.track(
    openLifeline({
      dataDir,
      withEngine,
      processName: 'test',
      stages: testStagesFor({}),
      env: { LIFELINE_WORKERS: '0', LIFELINE_HEALTH_STARTUP_TIMEOUT_MS: '0' },
    }),
  );
}

describe('a store whose -wal file was lost', () => {
  it('still has every acknowledged item under its id, and the next item gets a new id', async () => {
    const dir = tempDir();
    const app = open(path.join(dir, 'data'), true);
    await app.start();
    const first = await valueOf(
      app.call('items:add', {
        paths: [
          writeWav(path.join(dir, 'one.wav'), { seconds: 1, seed: 1 }),
          writeWav(path.join(dir, 'two.wav'), { seconds: 1, seed: 2 }),
        ],
      }),
    );
    const ids = first.added.map((a) => a.id);
    // The crash: the database file is all that is left (copied while the store is open).
    const survivor = path.join(dir, 'survivor');
    fs.mkdirSync(survivor);
    fs.copyFileSync(app.paths.database, path.join(survivor, 'lifeline.db'));
    await closing.close(app);

    const after = open(survivor, false);
    expect(ids.map((id) => after.store.reads.summary(id)?.fileName)).toEqual(['one.wav', 'two.wav']);
    const next = await valueOf(
      after.call('items:add', { paths: [writeWav(path.join(dir, 'three.wav'), { seconds: 1, seed: 3 })] }),
    );
    expect(next.added[0]!.id).toBeGreaterThan(Math.max(...ids));
    expect(after.store.reads.summary(ids[1]!)?.fileName).toBe('two.wav');
  });
});
