import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/main/config/config';
import type { StageHandler } from '../../src/main/engine/stage-handler';
import { addFiles } from '../../src/main/pipeline/intake/add-files';
import { writeWav } from '../support/audio-files';
import { engineFixture } from '../support/engine-fixture';
import { tempDir } from '../support/temp-dir';
import { waitFor } from '../support/wait-for';
import { stopEnginesAfterEach } from '../support/close-after-each';

const engines = stopEnginesAfterEach();

describe("a running item's latest progress", () => {
  it('is known to the engine from the moment it is reported, before any heartbeat stores it, and forgotten when the job ends', async () => {
    const dir = tempDir();
    let finish = () => {};
    const reporting: StageHandler = {
      stage: 'ingest',
      availability: () => ({ ok: true }),
      run: (ctx) =>
        new Promise((resolve, reject) => {
          ctx.progress({ step: 'copy', percent: 40, message: 'copying into the store' });
          finish = () => resolve('done');
          ctx.signal.addEventListener('abort', () => reject(new Error('aborted')));
        }),
    };
    // A heartbeat far away: the report is pushed at once but not stored for a minute.
    const f = engineFixture(path.join(dir, 'data'), {
      stages: () => [reporting],
      config: {
        heartbeatMs: 60_000,
        stages: { ...defaultConfig.stages, ingest: { ...defaultConfig.stages.ingest, leaseMs: 180_000 } },
      },
    });
    engines.track(f);
    const id = (await addFiles(f.engine.queue, [writeWav(path.join(dir, 'memo.wav'), { seconds: 0.1 })], 0)).added[0]!
      .id;
    f.engine.start();
    await waitFor('the report', () => f.engine.liveProgress().length === 1);
    expect(f.engine.liveProgress()).toEqual([
      { id, progress: { step: 'copy', percent: 40, message: 'copying into the store' } },
    ]);
    // What a page that reads the item now gets from the store: nothing yet.
    expect(f.store.reads.summary(id)).toMatchObject({ state: 'running', progress: null });
    finish();
    await waitFor('the job to end', () => f.store.reads.summary(id)!.state !== 'running');
    await waitFor('the progress to be forgotten', () => f.engine.liveProgress().length === 0);
  });
});
