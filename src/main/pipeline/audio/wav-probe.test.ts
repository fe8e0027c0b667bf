import { describe, expect, it } from 'vitest';
import { isStageError } from '../../engine/stage-error';
import { probeWav } from './wav-probe';

function wav({
  rate = 16000,
  channels = 1,
  bits = 16,
  frames = 1600,
  tag = 1,
  dataSize,
}: Partial<{ rate: number; channels: number; bits: number; frames: number; tag: number; dataSize: number }> = {}) {
  const data = frames * channels * (bits / 8);
  const b = Buffer.alloc(44 + data);
  b.write('RIFF', 0, 'latin1');
  b.writeUInt32LE(36 + data, 4);
  b.write('WAVE', 8, 'latin1');
  b.write('fmt ', 12, 'latin1');
  b.writeUInt32LE(16, 16);
  b.writeUInt16LE(tag, 20);
  b.writeUInt16LE(channels, 22);
  b.writeUInt32LE(rate, 24);
  b.writeUInt32LE((rate * channels * bits) / 8, 28);
  b.writeUInt16LE((channels * bits) / 8, 32);
  b.writeUInt16LE(bits, 34);
  b.write('data', 36, 'latin1');
  b.writeUInt32LE(dataSize ?? data, 40);
  return b;
}

function errorOf(fn: () => unknown) {
  try {
    fn();
  } catch (e: unknown) {
    if (isStageError(e)) return e;
    throw e;
  }
  throw new Error('expected an error');
}

describe('probeWav', () => {
  it('reads rate, channels and duration of a PCM WAV', () => {
    const b = wav({ rate: 44100, channels: 2, frames: 44100 * 3 });
    expect(probeWav(b, b.length, 'a.wav')).toMatchObject({
      format: 'pcm',
      sampleRate: 44100,
      channels: 2,
      durationSec: 3,
    });
  });

  it('trusts the bytes present when a crashed recorder left the data size at zero', () => {
    const b = wav({ frames: 8000, dataSize: 0 });
    expect(probeWav(b, b.length, 'a.wav').durationSec).toBeCloseTo(0.5);
  });

  it('calls a text file named .wav undecodable and says it looks like text, without quoting it', () => {
    const b = Buffer.from('hello world, this is not audio');
    const e = errorOf(() => probeWav(b, b.length, 'notes.wav'));
    expect(e.code).toBe('AUDIO_UNDECODABLE');
    expect(e.permanent).toBe(true);
    expect(e.message).toBe('notes.wav is not decodable audio: no RIFF/WAVE header (it looks like text)');
  });

  it('calls a 0-byte file AUDIO_EMPTY', () => {
    const e = errorOf(() => probeWav(Buffer.alloc(0), 0, 'nothing.wav'));
    expect(e.code).toBe('AUDIO_EMPTY');
    expect(e.message).toBe('nothing.wav is an empty file (0 bytes)');
  });

  it('calls a WAV without samples empty', () => {
    const b = wav({ frames: 0 });
    expect(errorOf(() => probeWav(b, b.length, 'silence.wav')).code).toBe('AUDIO_EMPTY');
  });

  it('names a compressed format it recognises instead of calling it garbage', () => {
    const b = Buffer.concat([Buffer.from('ID3'), Buffer.alloc(100)]);
    const e = errorOf(() => probeWav(b, b.length, 'talk.mp3'));
    expect(e.code).toBe('AUDIO_UNSUPPORTED');
    expect(e.message).toContain('MP3');
  });

  it('refuses a header with an impossible sample rate', () => {
    const b = wav({ rate: 3 });
    expect(errorOf(() => probeWav(b, b.length, 'odd.wav')).code).toBe('AUDIO_UNDECODABLE');
  });

  it('calls an empty file undecodable', () => {
    expect(errorOf(() => probeWav(Buffer.alloc(0), 0, 'zero.wav')).message).toContain('empty');
  });
});
