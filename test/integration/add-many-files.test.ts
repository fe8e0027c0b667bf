import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openLifeline } from '../../src/main/lifeline';
import { writeFakeWav, writeWav } from '../support/audio-files';
import { closeAfterEach } from '../support/close-after-each';
import { tempDir } from '../support/temp-dir';

const closing = closeAfterEach();

describe('adding many files in one call', () => {
  it('answers for every file in the order given, whichever few were read and enqueued together', async () => {
    const root = tempDir();
    const drop = path.join(root, 'drop');
    fs.mkdirSync(drop);
    const app = closing.track(
      openLifeline({ dataDir: path.join(root, 'data'), withEngine: false, processName: 'test', env: {} }),
    );
    const paths: string[] = [];
    for (let i = 0; i < 40; i++) {
      const file = path.join(drop, `memo-${i}.wav`);
      if (i % 10 === 3) writeFakeWav(file, `shopping list ${i}`);
      else if (i % 10 === 7) paths.push(path.join(drop, `gone-${i}.wav`));
      // Every fifth file repeats the audio of the one before it.
      else writeWav(file, { seconds: 0.1, seed: i % 5 === 0 && i > 0 ? i : i + 1 });
      if (i % 10 !== 7) paths.push(file);
    }
    const r = await app.call('items:add', { paths });
    if (!r.ok) throw new Error(r.error.message);
    const name = (f: { file: string }) => path.basename(f.file);
    expect(r.value.rejected.map((x) => [name(x), x.code])).toEqual(
      paths
        .filter((p) => /memo-\d*3\.wav|gone-/.test(p))
        .map((p) => [path.basename(p), p.includes('gone-') ? 'FILE_NOT_FOUND' : 'NOT_AUDIO']),
    );
    const repeats = paths.filter((p) => /memo-(\d*[05])\.wav/.test(p) && !p.endsWith('memo-0.wav'));
    expect(r.value.duplicates.map(name)).toEqual(repeats.map((p) => path.basename(p)));
    expect(r.value.added).toHaveLength(paths.length - r.value.rejected.length - repeats.length);
    expect(app.store.reads.count({})).toBe(r.value.added.length);
    // Each item was added once, with its own event.
    const ids = r.value.added.map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const d of r.value.duplicates) expect(ids).toContain(d.id);
  });
});
