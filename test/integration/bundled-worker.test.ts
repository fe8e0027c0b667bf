import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openLifeline, type Lifeline } from '../../src/main/lifeline';
import { addFiles } from '../../src/main/pipeline/intake/add-files';
import { builtWorkerLauncher } from '../../src/main/engine/worker/node-worker-launcher';
import { speak } from '../support/festival-speech';
import { repoRoot } from '../support/spawn';
import { tempDir } from '../support/temp-dir';
import { waitFor } from '../support/wait-for';

// The desktop app starts workers from the bundle electron-vite builds (out/main/worker.js) as utility
// processes. Electron cannot run here, but the same bundle runs under plain Node (worker-port.ts falls
// back to the fork IPC channel), so this proves the bundle is complete: a real item goes through it.
const bundledWorker = path.join(repoRoot, 'out', 'main', 'worker.js');

const apps: Lifeline[] = [];
afterEach(async () => {
  for (const app of apps.splice(0)) await app.close();
});

describe('the bundled worker entry (out/main/worker.js)', () => {
  it('runs the real pipeline: spoken audio goes through ingest, transcribe, extract and index in worker processes', async () => {
    expect(
      fs.existsSync(bundledWorker),
      `${bundledWorker} is missing: npm test builds it first (electron-vite build)`,
    ).toBe(true);
    const dir = tempDir();
    const app = openLifeline({
      dataDir: path.join(dir, 'data'),
      withEngine: true,
      processName: 'test',
      workerLauncher: builtWorkerLauncher(bundledWorker),
      env: {
        ...process.env,
        LIFELINE_WORKERS: '1',
        LIFELINE_ASR_ENGINE: 'pocketsphinx',
        LIFELINE_HEALTH_STARTUP_TIMEOUT_MS: '20000',
      },
    });
    apps.push(app);
    await app.start();
    const wav = speak('Remind me to water the plants on Friday.');
    const { added } = await addFiles(app.queue, [wav], 0);
    app.engine!.wake();
    const id = added[0]!.id;
    await waitFor('the item to be done', () => app.store.reads.summary(id)!.state === 'done', 90_000, 100);

    const overview = await app.handlers['system:overview']({});
    expect(overview.engine).toMatchObject({ running: true, mode: 'worker-processes' });
    const detail = await app.handlers['items:get']({ id });
    expect(detail.events.filter((e) => e.type === 'succeeded').map((e) => e.stage)).toEqual([
      'ingest',
      'transcribe',
      'extract',
      'index',
    ]);
    expect(detail.transcript?.text ?? '').toMatch(/plants/i);
  }, 120_000);
});
