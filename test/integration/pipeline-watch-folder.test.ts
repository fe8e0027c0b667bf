import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openLifeline, type Lifeline } from '../../src/main/lifeline';
import { createLogger } from '../../src/main/log/logger';
import { startWatchFolder, type WatchFolder } from '../../src/main/pipeline/intake/watch-folder';
import { writeWav } from '../support/audio-files';
import { queueFixture } from '../support/queue-fixture';
import { tempDir } from '../support/temp-dir';
import { waitFor } from '../support/wait-for';

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

function watch(inbox: string) {
  const f = queueFixture(tempDir());
  const added: number[] = [];
  const w: WatchFolder = startWatchFolder({ dir: inbox, queue: f.queue, reads: f.store.reads, log: createLogger(null, 'test'), onAdded: (ids) => added.push(...ids), pollMs: 30, stableMs: 150 });
  cleanup.push(() => f.store.close(), () => w.stop());
  return { ...f, added, w };
}

describe('the watch folder', () => {
  it('picks up audio that arrived while the app was closed, and ignores other files', async () => {
    const inbox = tempDir();
    writeWav(path.join(inbox, 'while-closed.wav'), { seconds: 1 });
    fs.writeFileSync(path.join(inbox, 'notes.txt'), 'not audio');
    fs.writeFileSync(path.join(inbox, '.hidden.wav'), 'partial');
    const f = watch(inbox);
    await waitFor('the file to be added', () => f.added.length === 1);
    expect(f.store.reads.list({ limit: 10 }).map((i) => i.fileName)).toEqual(['while-closed.wav']);
  });

  it('waits until a file has stopped growing before adding it', async () => {
    const inbox = tempDir();
    const f = watch(inbox);
    const file = path.join(inbox, 'recording.mp3');
    const fd = fs.openSync(file, 'w');
    for (let i = 0; i < 6; i++) {
      fs.writeSync(fd, Buffer.alloc(10_000, i + 1));
      await new Promise((r) => setTimeout(r, 60));
      expect(f.added).toEqual([]);
    }
    fs.closeSync(fd);
    await waitFor('the finished file to be added', () => f.added.length === 1);
    expect(f.store.reads.summary(f.added[0]!)!.sizeBytes).toBe(60_000);
  });

  it('adds the same audio under two names once, and never re-adds audio that was discarded', async () => {
    const inbox = tempDir();
    const a = writeWav(path.join(inbox, 'memo.wav'), { seconds: 1, seed: 3 });
    fs.copyFileSync(a, path.join(inbox, 'memo copy.wav'));
    const f = watch(inbox);
    await waitFor('one item', () => f.added.length === 1);
    await f.w.scan();
    await f.w.scan();
    expect(f.store.reads.overview().items).toBe(1);
    f.store.queue.discardItem(f.added[0]!, f.clock.now());
    // Touch it so it looks new to the watcher: still the same audio, so still not added.
    fs.utimesSync(a, new Date(), new Date(Date.now() + 5000));
    await new Promise((r) => setTimeout(r, 400));
    await f.w.scan();
    expect(f.store.reads.overview().items).toBe(1);
    expect(f.store.reads.summary(f.added[0]!)!.state).toBe('discarded');
  });

  it('runs with the engine when LIFELINE_WATCH_DIR is set', async () => {
    const inbox = tempDir();
    writeWav(path.join(inbox, 'dropped.wav'), { seconds: 1, seed: 9 });
    const app: Lifeline = openLifeline({ dataDir: tempDir(), withEngine: true, processName: 'test', env: { LIFELINE_WATCH_DIR: inbox, PATH: '' } });
    cleanup.push(() => app.close(0));
    app.engine!.start();
    const item = await waitFor('the dropped file to pass ingest', () => {
      const items = app.store.reads.list({ limit: 5 });
      return items[0]?.stage === 'transcribe' && items[0];
    }, 20_000);
    expect(item.fileName).toBe('dropped.wav');
  });
});
