import { describe, expect, it } from 'vitest';
import { resample } from './resample';
import { StreamResampler } from './stream-resampler';

function signal(n: number): Float32Array {
  return Float32Array.from({ length: n }, (_, i) => 0.6 * Math.sin(i * 0.05) + 0.3 * Math.sin(i * 1.7));
}

function streamed(input: Float32Array, from: number, to: number, blocks: number[]): Float32Array {
  const r = new StreamResampler(from, to);
  const parts: Float32Array[] = [];
  let at = 0;
  for (let b = 0; at < input.length; b++) {
    const size = blocks[b % blocks.length]!;
    parts.push(r.push(input.subarray(at, at + size)));
    at += size;
  }
  parts.push(r.end());
  const out = new Float32Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

describe('the streaming resampler', () => {
  for (const [from, to] of [
    [44_100, 16_000],
    [48_000, 16_000],
    [22_050, 16_000],
    [11_025, 16_000],
    [8_000, 16_000],
    [16_000, 16_000],
  ]) {
    it(`gives exactly the samples of the whole-file resampler from ${from} Hz to ${to} Hz, however the input is cut`, () => {
      const input = signal(from! / 2 + 37);
      const whole = resample(input, from!, to!);
      for (const blocks of [[1], [7, 1000, 3], [4096], [input.length]]) {
        expect(streamed(input, from!, to!, blocks)).toEqual(whole);
      }
    });
  }

  it('keeps a bounded buffer however long the input runs', () => {
    const r = new StreamResampler(48_000, 16_000);
    const block = signal(4800);
    for (let i = 0; i < 200; i++) r.push(block);
    expect((r as unknown as { buf: Float32Array }).buf.length).toBeLessThan(2 * 4800);
  });
});
