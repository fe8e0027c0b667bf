import { describe, expect, it } from 'vitest';
import { staleTempFiles, tempFileOwner, tempFilesOf, unownedMaxAgeMs } from './temp-file-policy';

const sha = 'a'.repeat(64);

describe('which temporary files are leftovers', () => {
  it('reads the owning process from the name of every temporary file Lifeline writes', () => {
    expect(tempFileOwner('upload-4242-0123456789ab.part')).toBe(4242);
    expect(tempFileOwner(`${sha}.wav.77.deadbeef.part`)).toBe(77);
    expect(tempFileOwner('pocketsphinx-901-cafe0123.wav')).toBe(901);
    expect(tempFileOwner('notes.txt')).toBeNull();
  });

  it("removes a crashed upload's .part and a killed worker's WAV, and keeps the files of processes still running", () => {
    const now = 10 * unownedMaxAgeMs;
    const entries = [
      { name: 'upload-1-0123456789ab.part', mtimeMs: now },
      { name: 'pocketsphinx-2-cafe0123.wav', mtimeMs: now },
      { name: `${sha}.wav.3.deadbeef.part`, mtimeMs: now },
      { name: 'upload-4-0123456789ab.part', mtimeMs: 0 },
    ];
    const alive = new Set([3, 4]);
    expect(staleTempFiles(entries, (pid) => alive.has(pid), now)).toEqual([
      'upload-1-0123456789ab.part',
      'pocketsphinx-2-cafe0123.wav',
    ]);
  });

  it('removes a file that names no owner only once it is more than a day old', () => {
    const now = 10 * unownedMaxAgeMs;
    const entries = [
      { name: 'stray.bin', mtimeMs: now - unownedMaxAgeMs - 1 },
      { name: 'fresh.bin', mtimeMs: now - 1000 },
    ];
    expect(staleTempFiles(entries, () => true, now)).toEqual(['stray.bin']);
  });

  it('picks the files of one dead worker and no other', () => {
    expect(tempFilesOf(['pocketsphinx-5-cafe0123.wav', 'pocketsphinx-6-cafe0123.wav', 'x'], 5)).toEqual([
      'pocketsphinx-5-cafe0123.wav',
    ]);
  });
});
