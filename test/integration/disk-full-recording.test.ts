import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openLifeline } from '../../src/main/lifeline';
import { closeAfterEach } from '../support/close-after-each';
import { valueOf } from '../support/lifeline-calls';
import { testStagesFor } from '../support/test-stages';
import { tempDir } from '../support/temp-dir';
import { waitFor } from '../support/wait-for';

// README, A full disk: below health.diskRedBytes "intake is refused with DISK_FULL (…; a recording
// already under way goes on)". The refusals are disk-full.test.ts; this is the recording someone is
// in the middle of, which must not be cut off by a disk that fills under it.

const MiB = 1024 ** 2;
const closing = closeAfterEach();

describe('a recording under way when the disk fills', () => {
  it('goes on taking its chunks and becomes an item at Stop, while new recordings are refused', async () => {
    const disk = { free: 50 * 1024 * MiB };
    const app = closing.track(
      openLifeline({
        dataDir: path.join(tempDir(), 'data'),
        withEngine: true,
        processName: 'test',
        stages: testStagesFor({}),
        env: { LIFELINE_WORKERS: '0', LIFELINE_HEALTH_STARTUP_TIMEOUT_MS: '0' },
        freeSpace: async () => disk.free,
      }),
    );
    await app.start();
    const second = Buffer.alloc(32_000, 3).toString('base64');
    const rec = await valueOf(app.call('recordings:start', { sampleRate: 16_000, channels: 1, name: 'Lecture' }));
    await valueOf(app.call('recordings:append', { id: rec.id, offset: 0, data: second }));

    disk.free = 50 * MiB;
    await app.call('health:check', { name: 'disk' });
    await waitFor(
      'the disk check to turn red',
      () => app.health.snapshot().services.find((s) => s.name === 'disk')?.status === 'down',
    );
    expect(await app.call('recordings:start', { sampleRate: 16_000, channels: 1 })).toMatchObject({
      ok: false,
      error: { code: 'DISK_FULL' },
    });

    await valueOf(app.call('recordings:append', { id: rec.id, offset: 32_000, data: second }));
    const done = await valueOf(app.call('recordings:finish', { id: rec.id }));
    expect(done).toMatchObject({ duplicate: false, seconds: 2 });
    expect(app.store.reads.summary(done.itemId!)?.fileName).toBe('Lecture.wav');
  });
});
