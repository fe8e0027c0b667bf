import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeAudioFile } from '../../src/main/pipeline/audio/decode-audio';
import { isStageError } from '../../src/main/engine/stage-error';
import { findExecutable } from '../../src/main/pipeline/system/find-executable';
import { writeFakeWav, writeWav } from '../support/audio-files';
import { encodeAudio, type TestFormat } from '../support/encode-audio';
import { tempDir } from '../support/temp-dir';

const hasFfmpeg = findExecutable('ffmpeg') !== null;
if (!hasFfmpeg)
  process.stdout.write('[pipeline-decode] ffmpeg missing: mp3, opus and m4a cases are skipped (apt install ffmpeg)\n');

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (err: unknown) {
    if (isStageError(err)) {
      expect(err.permanent).toBe(true);
      return err.code;
    }
    throw err;
  }
  throw new Error('expected a decode error');
}

describe('decoding audio to 16 kHz mono', () => {
  const formats: TestFormat[] = ['wav', 'mp3', 'ogg', 'opus', 'flac', 'm4a'];
  for (const format of formats) {
    const needsFfmpeg = format === 'mp3' || format === 'opus' || format === 'm4a';
    it.skipIf(needsFfmpeg && !hasFfmpeg)(
      `decodes a 44.1 kHz stereo ${format} to 16 kHz mono of the same length`,
      async () => {
        const dir = tempDir();
        const source = writeWav(path.join(dir, 'tone.wav'), { seconds: 3, rate: 44100, channels: 2 });
        const file = encodeAudio(source, format, dir)!;
        // The built-in decoders alone: ffmpeg is only the fallback.
        const audio = await decodeAudioFile(file, path.basename(file), { ffmpeg: null });
        expect(audio.sampleRate).toBe(16000);
        expect(audio.durationSec).toBeCloseTo(3, 1);
        expect(audio.samples.length / 16000).toBeCloseTo(3, 1);
        expect(audio.source.format).toBe(format === 'opus' ? 'ogg' : format);
        expect(audio.source.decoder).toBe('audio-decode');
        // A loud tone, not silence.
        expect(Math.max(...audio.samples.subarray(16000, 17000))).toBeGreaterThan(0.1);
      },
    );
  }

  it.skipIf(!hasFfmpeg)('gives a 44.1 kHz stereo mp3 of 7.5 s a duration of 7.5 s', async () => {
    const dir = tempDir();
    const source = writeWav(path.join(dir, 'long.wav'), { seconds: 7.5, rate: 44100, channels: 2 });
    const mp3 = encodeAudio(source, 'mp3', dir)!;
    expect(
      execFileSync('ffprobe', ['-v', 'error', '-show_entries', 'stream=sample_rate,channels', '-of', 'csv=p=0', mp3])
        .toString()
        .trim(),
    ).toBe('44100,2');
    const audio = await decodeAudioFile(mp3, 'long.mp3', { ffmpeg: null });
    expect(Math.abs(audio.durationSec - 7.5)).toBeLessThan(0.06);
    expect(Math.abs(audio.samples.length / 16000 - 7.5)).toBeLessThan(0.06);
  });

  it('calls a zero-byte file AUDIO_EMPTY', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'nothing.mp3');
    fs.writeFileSync(file, '');
    expect(await codeOf(decodeAudioFile(file, 'nothing.mp3'))).toBe('AUDIO_EMPTY');
  });

  it('calls a WAV with a header and no samples AUDIO_EMPTY', async () => {
    const dir = tempDir();
    const file = writeWav(path.join(dir, 'empty.wav'), { seconds: 0 });
    expect(await codeOf(decodeAudioFile(file, 'empty.wav', { ffmpeg: null }))).toBe('AUDIO_EMPTY');
  });

  it('calls a text file AUDIO_UNDECODABLE and says it looks like text, without quoting it', async () => {
    const dir = tempDir();
    const file = writeFakeWav(path.join(dir, 'notes.m4a'), 'shopping: eggs, milk');
    try {
      await decodeAudioFile(file, 'notes.m4a');
      throw new Error('expected an error');
    } catch (err: unknown) {
      expect(isStageError(err) && err.code).toBe('AUDIO_UNDECODABLE');
      expect((err as Error).message).toContain('it looks like text');
      expect((err as Error).message).not.toContain('shopping');
    }
  });

  it('calls a truncated FLAC AUDIO_UNDECODABLE when no decoder can read it', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'cut.flac');
    fs.writeFileSync(file, Buffer.concat([Buffer.from('fLaC'), Buffer.alloc(40, 0xab)]));
    expect(await codeOf(decodeAudioFile(file, 'cut.flac', { ffmpeg: findExecutable('ffmpeg') }))).toMatch(
      /^AUDIO_(UNDECODABLE|EMPTY)$/,
    );
  });

  it('refuses audio longer than the limit with AUDIO_TOO_LONG', async () => {
    const dir = tempDir();
    const file = writeWav(path.join(dir, 'long.wav'), { seconds: 5 });
    expect(await codeOf(decodeAudioFile(file, 'long.wav', { maxSeconds: 4 }))).toBe('AUDIO_TOO_LONG');
  });

  it.skipIf(!hasFfmpeg)(
    'falls back to ffmpeg for an Ogg file whose codec the built-in decoders lack (Speex)',
    async () => {
      const dir = tempDir();
      const source = writeWav(path.join(dir, 'tone.wav'), { seconds: 2, rate: 16000 });
      const speex = path.join(dir, 'memo.ogg');
      execFileSync('ffmpeg', ['-nostdin', '-v', 'error', '-y', '-i', source, '-c:a', 'libspeex', speex]);
      expect(await codeOf(decodeAudioFile(speex, 'memo.ogg', { ffmpeg: null }))).toBe('AUDIO_UNDECODABLE');
      const audio = await decodeAudioFile(speex, 'memo.ogg', { ffmpeg: findExecutable('ffmpeg') });
      expect(audio.source.decoder).toBe('ffmpeg');
      expect(audio.durationSec).toBeCloseTo(2, 1);
    },
  );
});
