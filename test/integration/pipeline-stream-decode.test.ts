import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isStageError } from '../../src/main/engine/stage-error';
import { decodeAudioFile } from '../../src/main/pipeline/audio/decode-audio';
import { measureAudio, spoolAudio } from '../../src/main/pipeline/audio/pcm-spool';
import { findExecutable } from '../../src/main/pipeline/system/find-executable';
import { writeWav } from '../support/audio-files';
import { encodeAudio, type TestFormat } from '../support/encode-audio';
import { tempDir } from '../support/temp-dir';

const ffmpeg = findExecutable('ffmpeg');
if (!ffmpeg)
  process.stdout.write(
    '[pipeline-stream-decode] ffmpeg missing: the compressed formats are skipped (apt install ffmpeg)\n',
  );

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (err: unknown) {
    if (isStageError(err)) return err.code;
    throw err;
  }
  throw new Error('expected a decode error');
}

describe('decoding a recording as a stream into a spool file', () => {
  const formats: TestFormat[] = ['mp3', 'ogg', 'opus', 'flac', 'm4a'];
  // One 12-second tone, encoded once per format and read by both decoders (decoding only reads it).
  let encodedDir: string | null = null;
  const encoded = new Map<TestFormat, string>();
  afterAll(() => {
    if (encodedDir) fs.rmSync(encodedDir, { recursive: true, force: true });
  });
  function encodedTone(format: TestFormat): string {
    if (!encodedDir) {
      encodedDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lifeline-test-'));
      writeWav(path.join(encodedDir, 'tone.wav'), { seconds: 12, rate: 44100, channels: 2 });
    }
    if (!encoded.has(format)) encoded.set(format, encodeAudio(path.join(encodedDir, 'tone.wav'), format, encodedDir)!);
    return encoded.get(format)!;
  }

  for (const format of formats) {
    for (const decoder of ['ffmpeg', 'audio-decode'] as const) {
      it.skipIf(!ffmpeg)(
        `decodes a 44.1 kHz stereo ${format} with ${decoder} to 16 kHz mono of the same length, read back chunk by chunk`,
        async () => {
          const dir = tempDir();
          const file = encodedTone(format);
          const audio = await spoolAudio(file, path.basename(file), path.join(dir, 'tmp'), {
            ffmpeg: decoder === 'ffmpeg' ? ffmpeg : null,
          });
          try {
            expect(audio.source).toMatchObject({ format: format === 'opus' ? 'ogg' : format, decoder });
            // ffmpeg reports the layout of the file; the built-in MP3 decoder hands joint stereo over as one channel.
            if (decoder === 'ffmpeg') expect(audio.source.channels).toBe(2);
            expect(audio.source.sampleRate).toBe(format === 'opus' ? 48000 : 44100);
            expect(Math.abs(audio.durationSec - 12)).toBeLessThan(0.1);
            expect(Math.abs(audio.frames / 16000 - 12)).toBeLessThan(0.1);
            expect(audio.energies.length).toBe(Math.ceil(audio.frames / audio.energyFrame));
            const second = await audio.read(16000, 32000);
            expect(second.length).toBe(16000);
            expect(Math.max(...second)).toBeGreaterThan(0.1);
          } finally {
            await audio.close();
          }
          expect(fs.readdirSync(path.join(dir, 'tmp'))).toEqual([]);
        },
      );
    }
  }

  for (const [label, options] of [
    ['16-bit 44.1 kHz stereo', { rate: 44100, channels: 2 }],
    ['16-bit 48 kHz mono', { rate: 48000, channels: 1 }],
  ] as const) {
    it(`reads a ${label} WAV straight from the file, within one 16-bit step of the whole-file decoder`, async () => {
      const dir = tempDir();
      const file = writeWav(path.join(dir, 'memo.wav'), { seconds: 7, ...options });
      const whole = await decodeAudioFile(file, 'memo.wav', { ffmpeg: null });
      const audio = await spoolAudio(file, 'memo.wav', path.join(dir, 'tmp'), { ffmpeg: null });
      try {
        expect(audio.source.decoder).toBe('wav');
        expect(audio.frames).toBe(whole.samples.length);
        const streamed = await audio.read(0, audio.frames);
        let maxDiff = 0;
        for (let i = 0; i < streamed.length; i++)
          maxDiff = Math.max(maxDiff, Math.abs(streamed[i]! - whole.samples[i]!));
        expect(maxDiff).toBeLessThan(1 / 32768);
      } finally {
        await audio.close();
      }
    });
  }

  it.skipIf(!ffmpeg)('reads a 32-bit float WAV', async () => {
    const dir = tempDir();
    const source = writeWav(path.join(dir, 'tone.wav'), { seconds: 5, rate: 44100, channels: 2 });
    const file = path.join(dir, 'float.wav');
    execFileSync('ffmpeg', ['-nostdin', '-v', 'error', '-y', '-i', source, '-c:a', 'pcm_f32le', '-ar', '48000', file]);
    const info = await measureAudio(file, 'float.wav', { ffmpeg: null });
    expect(info.source).toMatchObject({ format: 'wav', sampleRate: 48000, channels: 2, decoder: 'wav' });
    expect(info.durationSec).toBeCloseTo(5, 2);
  });

  it('refuses a WAV over the length limit from its header, before decoding it', async () => {
    const dir = tempDir();
    const file = writeWav(path.join(dir, 'long.wav'), { seconds: 5 });
    expect(await codeOf(measureAudio(file, 'long.wav', { maxSeconds: 4 }))).toBe('AUDIO_TOO_LONG');
  });

  it.skipIf(!ffmpeg)('stops decoding a compressed file as soon as it passes the length limit', async () => {
    const dir = tempDir();
    const file = encodeAudio(writeWav(path.join(dir, 'long.wav'), { seconds: 8 }), 'mp3', dir)!;
    for (const decoder of [ffmpeg, null])
      expect(await codeOf(measureAudio(file, 'long.mp3', { maxSeconds: 4, ffmpeg: decoder }))).toBe('AUDIO_TOO_LONG');
  });

  it('calls a zero-byte file AUDIO_EMPTY and a text file AUDIO_UNDECODABLE, leaving no spool file behind', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'empty.mp3'), '');
    fs.writeFileSync(path.join(dir, 'notes.m4a'), 'shopping: eggs, milk');
    expect(await codeOf(spoolAudio(path.join(dir, 'empty.mp3'), 'empty.mp3', path.join(dir, 'tmp'), {}))).toBe(
      'AUDIO_EMPTY',
    );
    expect(await codeOf(spoolAudio(path.join(dir, 'notes.m4a'), 'notes.m4a', path.join(dir, 'tmp'), { ffmpeg }))).toBe(
      'AUDIO_UNDECODABLE',
    );
    expect(fs.readdirSync(path.join(dir, 'tmp'))).toEqual([]);
  });
});
