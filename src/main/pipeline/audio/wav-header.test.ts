import { describe, expect, it } from 'vitest';
import { probeWav } from '../audio/wav-probe';
import { wavHeader, wavHeaderBytes } from './wav-header';

describe('wavHeader', () => {
  it('describes a finished recording exactly', () => {
    const samples = Buffer.alloc(16_000 * 2);
    const info = probeWav(
      Buffer.concat([wavHeader(16_000, 1, samples.length), samples]),
      wavHeaderBytes + samples.length,
      'a.wav',
    );
    expect(info).toMatchObject({ format: 'pcm', sampleRate: 16_000, channels: 1, bitsPerSample: 16, durationSec: 1 });
  });

  it('leaves a recording cut off mid-way readable up to its last whole frame', () => {
    const file = Buffer.concat([wavHeader(16_000, 2, null), Buffer.alloc(4 * 8_000 + 3)]);
    const info = probeWav(file, file.length, 'cut.wav');
    expect(info.durationSec).toBe(0.5);
    expect(info.dataBytes).toBe(32_000);
  });
});
