import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFakeWav, writeWav } from '../../../../test/support/audio-files';
import { tempDir } from '../../../../test/support/temp-dir';
import { sniffAndHash } from './sniff-and-hash';

const sha256 = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

describe('sniffing and hashing a file being added, in one read', () => {
  it('gives the hash and size of the whole file, small or larger than one read', async () => {
    for (const seconds of [0.1, 5]) {
      const wav = writeWav(path.join(tempDir(), `memo-${seconds}.wav`), { seconds });
      expect(await sniffAndHash(wav, 'memo.wav')).toEqual({
        ok: true,
        sha256: sha256(wav),
        bytes: fs.statSync(wav).size,
      });
    }
  });

  it('refuses what is not audio, and an empty file, by content', async () => {
    const dir = tempDir();
    const text = writeFakeWav(path.join(dir, 'list.wav'));
    expect(await sniffAndHash(text, 'list.wav')).toMatchObject({ ok: false, code: 'NOT_AUDIO' });
    const empty = path.join(dir, 'empty.wav');
    fs.writeFileSync(empty, '');
    expect(await sniffAndHash(empty, 'empty.wav')).toMatchObject({
      ok: false,
      message: 'empty.wav is not audio: the file is empty (0 bytes)',
    });
  });
});
