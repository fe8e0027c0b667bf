import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/main/log/logger';
import { WatchFolder } from '../../src/main/pipeline/intake/watch-folder';
import { writeWav } from '../support/audio-files';
import { queueFixture } from '../support/queue-fixture';
import { tempDir } from '../support/temp-dir';

function watching(dir: string, data: string) {
  const f = queueFixture(data);
  let writes = 0;
  const folder = new WatchFolder({
    dir,
    queue: f.queue,
    watched: f.store.watched,
    clock: f.clock,
    log: createLogger(null, 'test'),
    afterWrite: () => writes++,
  });
  return { ...f, folder, writes: () => writes };
}

describe('the watch folder', () => {
  it('adds a recording once it has stopped growing, and only audio files: a text file named .wav is skipped', async () => {
    const root = tempDir();
    const dir = path.join(root, 'watch');
    fs.mkdirSync(dir);
    const w = watching(dir, path.join(root, 'data'));
    writeWav(path.join(dir, 'memo.wav'), { seconds: 1 });
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'not audio');
    fs.writeFileSync(path.join(dir, 'README.wav'), '# not a recording either');
    fs.writeFileSync(path.join(dir, 'big.wav.part'), 'still downloading');
    await w.folder.scan();
    expect(w.store.reads.overview().items).toBe(0);
    expect(w.folder.status()).toMatchObject({ state: 'watching', settling: 2, added: 0 });
    await w.folder.scan();
    expect(w.store.reads.list({ limit: 10 }).map((i) => i.fileName)).toEqual(['memo.wav']);
    // Its timeline says where it came from: nobody added it by hand.
    const memo = w.store.reads.list({ limit: 10 })[0]!;
    expect(w.store.reads.detail(memo.id)!.events[0]).toMatchObject({
      type: 'added',
      detail: `found in the watch folder: ${path.join(dir, 'memo.wav')}`,
    });
    expect(w.folder.status()).toMatchObject({ added: 1, rejected: 1, settling: 0 });
    expect(w.writes()).toBe(1);

    // A file that keeps growing waits until it is done.
    const growing = path.join(dir, 'growing.wav');
    writeWav(growing, { seconds: 1, seed: 2 });
    await w.folder.scan();
    fs.appendFileSync(growing, Buffer.alloc(3200));
    await w.folder.scan();
    expect(w.store.reads.overview().items).toBe(1);
    await w.folder.scan();
    expect(w.store.reads.overview().items).toBe(2);
    w.store.close();
  });

  it('after a restart, leaves handled files alone and reports a copy of known audio as a duplicate', async () => {
    const root = tempDir();
    const dir = path.join(root, 'watch');
    fs.mkdirSync(dir);
    const data = path.join(root, 'data');
    const first = watching(dir, data);
    const memo = writeWav(path.join(dir, 'memo.wav'), { seconds: 1 });
    await first.folder.scan();
    await first.folder.scan();
    first.store.close();

    const second = watching(dir, data);
    fs.copyFileSync(memo, path.join(dir, 'memo copy.wav'));
    await second.folder.scan();
    await second.folder.scan();
    expect(second.store.reads.overview().items).toBe(1);
    expect(second.folder.status()).toMatchObject({ added: 1, duplicates: 1 });
    second.store.close();
  });

  it('says so when the folder does not exist, and starts adding once it does', async () => {
    const root = tempDir();
    const dir = path.join(root, 'later');
    const w = watching(dir, path.join(root, 'data'));
    await w.folder.scan();
    expect(w.folder.status()).toMatchObject({ state: 'missing', problem: 'the folder does not exist' });
    fs.mkdirSync(dir);
    writeWav(path.join(dir, 'a.wav'), { seconds: 1 });
    await w.folder.scan();
    await w.folder.scan();
    expect(w.folder.status()).toMatchObject({ state: 'watching', problem: null, added: 1 });
    w.store.close();
  });
});
