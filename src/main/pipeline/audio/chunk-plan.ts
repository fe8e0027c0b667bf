/**
 * Where to cut long audio into chunks for transcription (pure). Chunks aim at `targetSec` and are
 * cut at the quietest moment near that point, so a word is rarely split between two chunks. The
 * cut is chosen from per-frame energies, which a decoder can measure as the samples stream past:
 * a 4-hour recording needs 720 000 numbers for its plan, not its samples.
 */
export interface ChunkPlanOptions {
  /** Preferred chunk length, seconds. Default 30. */
  targetSec?: number;
  /** How far from the target a cut may move to find a silence, seconds. Default 8. */
  slackSec?: number;
  /** Energy frame, seconds. Default 0.02. */
  frameSec?: number;
}

/** Samples per energy frame at this rate. */
export const energyFrame = (sampleRate: number, frameSec = 0.02) => Math.max(1, Math.round(frameSec * sampleRate));

/** Mean square of each `frame`-sample frame of a stream of samples (the last frame may be shorter). */
export class FrameEnergyMeter {
  private energies = new Float32Array(1024);
  private count = 0;
  private sum = 0;
  private inFrame = 0;
  total = 0;

  constructor(readonly frame: number) {}

  push(samples: Float32Array): void {
    for (let i = 0; i < samples.length; i++) {
      const s = samples[i]!;
      this.sum += s * s;
      if (++this.inFrame === this.frame) this.close();
    }
    this.total += samples.length;
  }

  /** The energies of every frame seen. */
  end(): Float32Array {
    if (this.inFrame > 0) this.close();
    return this.energies.subarray(0, this.count);
  }

  private close(): void {
    if (this.count === this.energies.length) {
      const grown = new Float32Array(this.energies.length * 2);
      grown.set(this.energies);
      this.energies = grown;
    }
    this.energies[this.count++] = this.sum / this.inFrame;
    this.sum = 0;
    this.inFrame = 0;
  }
}

/** Chunks as [startFrame, endFrame) sample indices covering all `total` samples, in order, from frame energies. */
export function planChunksFromEnergy(
  energies: Float32Array,
  frame: number,
  total: number,
  sampleRate: number,
  options: ChunkPlanOptions = {},
): [number, number][] {
  const target = Math.round((options.targetSec ?? 30) * sampleRate);
  const slack = Math.round((options.slackSec ?? 8) * sampleRate);
  const chunks: [number, number][] = [];
  const energy = (f: number) => energies[f] ?? 0;
  let start = 0;
  // The last chunk may run up to target + slack rather than leave a sliver behind.
  while (total - start > target + slack) {
    const to = start + target + slack;
    let best = start + target;
    let bestEnergy = Infinity;
    // Averaged over three frames, so one quiet frame inside a word is not taken for a pause.
    for (let f = Math.ceil((start + target - slack) / frame); (f + 3) * frame <= to; f++) {
      const e = energy(f) + energy(f + 1) + energy(f + 2);
      if (e < bestEnergy) {
        bestEnergy = e;
        best = (f + 1) * frame + (frame >> 1);
      }
    }
    chunks.push([start, best]);
    start = best;
  }
  if (total > start) chunks.push([start, total]);
  return chunks;
}

/** Chunks as [startFrame, endFrame) sample indices covering all of `samples`, in order. */
export function planChunks(
  samples: Float32Array,
  sampleRate: number,
  options: ChunkPlanOptions = {},
): [number, number][] {
  const meter = new FrameEnergyMeter(energyFrame(sampleRate, options.frameSec));
  meter.push(samples);
  return planChunksFromEnergy(meter.end(), meter.frame, samples.length, sampleRate, options);
}
