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

/** The interpolator for one conversion: the kernel table, stretched to the lower of the two rates. */
export interface SincKernel {
  readonly table: Float32Array;
  /** Output samples per input sample. */
  readonly ratio: number;
  /** How far the kernel reaches each side of an output sample, in input samples. */
  readonly halfWidth: number;
  /** Table entries per input sample. */
  readonly step: number;
}

export function sincKernel(fromRate: number, toRate: number): SincKernel {
  if (!(fromRate > 0) || !(toRate > 0))
    throw new RangeError(`sample rates must be positive, got ${fromRate} → ${toRate}`);
  const ratio = toRate / fromRate;
  // Below 1 when downsampling: the kernel is stretched so its cut-off sits at the new Nyquist.
  const cutoff = Math.min(1, ratio);
  return { table: kernelTable(), ratio, halfWidth: zeroCrossings / cutoff, step: cutoff * tableSteps };
}

/**
 * The one resampling loop, for the whole-file and the streaming resampler alike: fills `out` with
 * output samples `first`, `first + 1`, … from `input`, which holds the input samples from index
 * `inputStart` on; input past `last` is treated as the end of the signal.
 */
export function resampleInto(
  k: SincKernel,
  input: Float32Array,
  inputStart: number,
  last: number,
  first: number,
  out: Float32Array,
): void {
  const { table, ratio, halfWidth, step } = k;
  for (let o = 0; o < out.length; o++) {
    const t = (first + o) / ratio;
    const from = Math.max(0, Math.ceil(t - halfWidth));
    const to = Math.min(last, Math.floor(t + halfWidth));
    let sum = 0;
    let weights = 0;
    for (let j = from; j <= to; j++) {
      const pos = Math.abs(t - j) * step;
      const i = pos | 0;
      if (i >= table.length - 1) continue;
      const frac = pos - i;
      const w = table[i]! + (table[i + 1]! - table[i]!) * frac;
      sum += input[j - inputStart]! * w;
      weights += w;
    }
    // Normalising by the summed weights keeps DC gain at 1, also at the edges of the signal.
    out[o] = weights > 0 ? sum / weights : 0;
  }
}

/** Resamples `input` from `fromRate` to `toRate` (Hz). The output lasts as long as the input. */
export function resample(input: Float32Array, fromRate: number, toRate: number): Float32Array {
  const k = sincKernel(fromRate, toRate);
  if (fromRate === toRate) return input;
  const out = new Float32Array(Math.round(input.length * k.ratio));
  resampleInto(k, input, 0, input.length - 1, 0, out);
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
