import { describe, expect, it } from 'vitest';
import { downmix, resample, toInt16 } from './resample';

const tone = (hz: number, rate: number, seconds: number) =>
  Float32Array.from({ length: Math.round(rate * seconds) }, (_, i) => Math.sin((2 * Math.PI * hz * i) / rate));

/** Amplitude of `hz` in `x` (single-bin DFT). */
function amplitude(x: Float32Array, hz: number, rate: number): number {
  let re = 0;
  let im = 0;
  for (let i = 0; i < x.length; i++) {
    re += x[i]! * Math.cos((2 * Math.PI * hz * i) / rate);
    im += x[i]! * Math.sin((2 * Math.PI * hz * i) / rate);
  }
  return (2 * Math.hypot(re, im)) / x.length;
}

describe('resample', () => {
  it('keeps the duration when going from 44.1 kHz to 16 kHz', () => {
    expect(resample(tone(440, 44100, 2), 44100, 16000)).toHaveLength(32000);
  });

  it('keeps a speech-band tone at its frequency and level', () => {
    const out = resample(tone(1000, 48000, 1), 48000, 16000);
    expect(amplitude(out, 1000, 16000)).toBeCloseTo(1, 1);
  });

  it('removes a tone above the new Nyquist instead of folding it into the speech band', () => {
    // 11 kHz at 44.1 kHz would alias to 5 kHz at 16 kHz without the low-pass.
    const out = resample(tone(11000, 44100, 1), 44100, 16000);
    expect(amplitude(out, 5000, 16000)).toBeLessThan(0.02);
  });

  it('upsamples 8 kHz telephone audio without changing its tone', () => {
    const out = resample(tone(300, 8000, 1), 8000, 16000);
    expect(out).toHaveLength(16000);
    expect(amplitude(out, 300, 16000)).toBeCloseTo(1, 1);
  });

  it('returns the input unchanged when the rates match', () => {
    const x = tone(440, 16000, 0.1);
    expect(resample(x, 16000, 16000)).toBe(x);
  });

  it('refuses a non-positive rate', () => {
    expect(() => resample(new Float32Array(4), 0, 16000)).toThrow(RangeError);
  });
});

describe('downmix and toInt16', () => {
  it('averages stereo into mono', () => {
    expect(Array.from(downmix([Float32Array.of(1, 0.5), Float32Array.of(0, 0.5)]))).toEqual([0.5, 0.5]);
  });

  it('clips and scales to 16-bit', () => {
    expect(Array.from(toInt16(Float32Array.of(-2, -1, 0, 1, 2)))).toEqual([-32768, -32768, 0, 32767, 32767]);
  });
});
