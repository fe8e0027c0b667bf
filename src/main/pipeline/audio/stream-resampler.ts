import { kernelTable, tableSteps, zeroCrossings } from './resample';

/**
 * The resampler of resample.ts, fed block by block (pure). Long recordings are converted to 16 kHz
 * as they are decoded, so neither the source samples nor the result of a 4-hour file are ever held
 * whole. The arithmetic is the same as `resample` sample for sample: a file gives the same samples
 * however it is cut into blocks.
 */
export class StreamResampler {
  private readonly table = kernelTable();
  private readonly ratio: number;
  private readonly halfWidth: number;
  private readonly step: number;
  /** Input kept for the kernel: samples from global index `bufStart` on. */
  private buf = new Float32Array(0);
  private bufStart = 0;
  private received = 0;
  /** Next output sample to compute (global index). */
  private next = 0;

  constructor(
    private readonly fromRate: number,
    private readonly toRate: number,
  ) {
    if (!(fromRate > 0) || !(toRate > 0))
      throw new RangeError(`sample rates must be positive, got ${fromRate} → ${toRate}`);
    this.ratio = toRate / fromRate;
    const cutoff = Math.min(1, this.ratio);
    this.halfWidth = zeroCrossings / cutoff;
    this.step = cutoff * tableSteps;
  }

  /** Adds input; returns the output samples that are now fully determined. */
  push(block: Float32Array): Float32Array {
    if (this.fromRate === this.toRate) {
      this.received += block.length;
      return block;
    }
    const joined = new Float32Array(this.buf.length + block.length);
    joined.set(this.buf);
    joined.set(block, this.buf.length);
    this.buf = joined;
    this.received += block.length;
    // An output sample is final once every input its kernel reaches has arrived.
    let end = this.next;
    while (Math.floor(end / this.ratio + this.halfWidth) <= this.received - 1) end++;
    return this.produce(end, Number.POSITIVE_INFINITY);
  }

  /** The input ended: returns the last output samples (the edge of the signal). */
  end(): Float32Array {
    if (this.fromRate === this.toRate) return new Float32Array(0);
    return this.produce(Math.round(this.received * this.ratio), this.received - 1);
  }

  /** Total output samples for the input so far once it ends. */
  get outputLength(): number {
    return this.fromRate === this.toRate ? this.received : Math.round(this.received * this.ratio);
  }

  private produce(end: number, lastIndex: number): Float32Array {
    const { table, ratio, halfWidth, step, buf, bufStart } = this;
    const out = new Float32Array(Math.max(0, end - this.next));
    const last = Math.min(lastIndex, this.received - 1);
    for (let o = 0; o < out.length; o++) {
      const i = this.next + o;
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
        sum += buf[j - bufStart]! * w;
        weights += w;
      }
      out[o] = weights > 0 ? sum / weights : 0;
    }
    this.next = Math.max(this.next, end);
    // Keep only what the next output's kernel can still reach.
    const keepFrom = Math.max(0, Math.ceil(this.next / ratio - halfWidth) - 1);
    if (keepFrom > this.bufStart) {
      this.buf = this.buf.slice(keepFrom - this.bufStart);
      this.bufStart = keepFrom;
    }
    return out;
  }
}
