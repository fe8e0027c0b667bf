import { describe, expect, it } from 'vitest';
import { concatBytes, floatToPcm16, peakLevel, toBase64 } from './pcm';

describe('pcm', () => {
  it('turns float samples into 16-bit little-endian PCM, clipping what is out of range', () => {
    const bytes = floatToPcm16(new Float32Array([0, 1, -1, 2, 0.5]));
    const view = new DataView(bytes.buffer);
    expect([0, 1, 2, 3, 4].map((i) => view.getInt16(i * 2, true))).toEqual([0, 32767, -32768, 32767, 16384]);
  });

  it('shows silence as 0 and full scale as 1 on the meter', () => {
    expect(peakLevel(new Float32Array(128))).toBe(0);
    expect(peakLevel(new Float32Array([0.2, -1]))).toBe(1);
    expect(peakLevel(new Float32Array([0.1]))).toBeCloseTo(2 / 3, 5);
  });

  it('joins chunks and encodes them as base64', () => {
    expect(Array.from(concatBytes([new Uint8Array([1, 2]), new Uint8Array([3])]))).toEqual([1, 2, 3]);
    expect(Array.from(concatBytes([new Uint8Array([1, 2]), new Uint8Array([3])], 2))).toEqual([1, 2]);
    expect(toBase64(new Uint8Array([104, 105]))).toBe('aGk=');
  });
});
