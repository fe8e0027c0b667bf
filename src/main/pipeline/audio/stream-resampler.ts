import { resampleInto, sincKernel, type SincKernel } from './resample';

/**
 * The resampler of resample.ts, fed block by block (pure). Long recordings are converted to 16 kHz
 * as they are decoded, so neither the source samples nor the result of a 4-hour file are ever held
 * whole. Both run the same loop (`resampleInto`): a file gives the same samples however it is cut
 * into blocks.
 */
export class StreamResampler {
  private readonly kernel: SincKernel;
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
    this.kernel = sincKernel(fromRate, toRate);
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
    const { ratio, halfWidth } = this.kernel;
    while (Math.floor(end / ratio + halfWidth) <= this.received - 1) end++;
    return this.produce(end, Number.POSITIVE_INFINITY);
  }

  /** The input ended: returns the last output samples (the edge of the signal). */
  end(): Float32Array {
    if (this.fromRate === this.toRate) return new Float32Array(0);
    return this.produce(Math.round(this.received * this.kernel.ratio), this.received - 1);
  }

  /** Total output samples for the input so far once it ends. */
  get outputLength(): number {
    return this.fromRate === this.toRate ? this.received : Math.round(this.received * this.kernel.ratio);
  }

  private produce(end: number, lastIndex: number): Float32Array {
    const { ratio, halfWidth } = this.kernel;
    const out = new Float32Array(Math.max(0, end - this.next));
    resampleInto(this.kernel, this.buf, this.bufStart, Math.min(lastIndex, this.received - 1), this.next, out);
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
