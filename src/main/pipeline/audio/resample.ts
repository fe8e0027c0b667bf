/**
 * Sample-rate conversion and down-mixing for speech (pure). Every engine wants 16 kHz mono; files
 * arrive at 8–48 kHz, often stereo.
 *
 * The resampler is a windowed-sinc interpolator (Hann window, 8 zero crossings each side) whose
 * cut-off follows the lower of the two rates, so downsampling 44.1 kHz → 16 kHz removes what would
 * alias into the speech band instead of folding it back as noise.
 */

export const zeroCrossings = 8;
/** Kernel table resolution: entries per input sample. Linear interpolation between entries. */
export const tableSteps = 256;

export function kernelTable(): Float32Array {
  const n = zeroCrossings * tableSteps;
  const t = new Float32Array(n + 2);
  for (let i = 0; i <= n; i++) {
    const x = i / tableSteps;
    const sinc = x === 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x);
    const window = 0.5 + 0.5 * Math.cos((Math.PI * x) / zeroCrossings);
    t[i] = sinc * window;
  }
  return t;
}

/** Averages channels into one. A single channel is returned as it is. */
export function downmix(channels: readonly Float32Array[]): Float32Array {
  const first = channels[0];
  if (!first) return new Float32Array(0);
  if (channels.length === 1) return first;
  const length = Math.min(...channels.map((c) => c.length));
  const out = new Float32Array(length);
  for (const c of channels) for (let i = 0; i < length; i++) out[i]! += c[i]!;
  const k = 1 / channels.length;
  for (let i = 0; i < length; i++) out[i]! *= k;
  return out;
}

/** Resamples `input` from `fromRate` to `toRate` (Hz). The output lasts as long as the input. */
export function resample(input: Float32Array, fromRate: number, toRate: number): Float32Array {
  if (!(fromRate > 0) || !(toRate > 0))
    throw new RangeError(`sample rates must be positive, got ${fromRate} → ${toRate}`);
  if (fromRate === toRate) return input;
  const table = kernelTable();
  const ratio = toRate / fromRate;
  const outLength = Math.round(input.length * ratio);
  const out = new Float32Array(outLength);
  // Below 1 when downsampling: the kernel is stretched so its cut-off sits at the new Nyquist.
  const cutoff = Math.min(1, ratio);
  const halfWidth = zeroCrossings / cutoff;
  const step = cutoff * tableSteps;
  const last = input.length - 1;
  for (let i = 0; i < outLength; i++) {
    const t = i / ratio;
    const from = Math.max(0, Math.ceil(t - halfWidth));
    const to = Math.min(last, Math.floor(t + halfWidth));
    let sum = 0;
    let weights = 0;
    for (let j = from; j <= to; j++) {
      const pos = Math.abs(t - j) * step;
      const k = pos | 0;
      if (k >= table.length - 1) continue;
      const frac = pos - k;
      const w = table[k]! + (table[k + 1]! - table[k]!) * frac;
      sum += input[j]! * w;
      weights += w;
    }
    // Normalising by the summed weights keeps DC gain at 1, also at the edges of the signal.
    out[i] = weights > 0 ? sum / weights : 0;
  }
  return out;
}

/** Float samples in [-1, 1] as 16-bit PCM, clipped. */
export function toInt16(samples: Float32Array): Int16Array {
  const out = new Int16Array(samples.length);
  for (let i = 0; i < samples.length; i++) {
    const v = Math.max(-1, Math.min(1, samples[i]!));
    out[i] = Math.round(v < 0 ? v * 0x8000 : v * 0x7fff);
  }
  return out;
}
