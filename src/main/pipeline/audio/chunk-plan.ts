/**
 * Where to cut long audio into chunks for transcription (pure). Chunks aim at `targetSec` and are
 * cut at the quietest moment near that point, so a word is rarely split between two chunks.
 */
export interface ChunkPlanOptions {
  /** Preferred chunk length, seconds. Default 30. */
  targetSec?: number;
  /** How far from the target a cut may move to find a silence, seconds. Default 8. */
  slackSec?: number;
  /** Energy frame, seconds. Default 0.02. */
  frameSec?: number;
}

/** Chunks as [startFrame, endFrame) sample indices covering all of `samples`, in order. */
export function planChunks(samples: Float32Array, sampleRate: number, options: ChunkPlanOptions = {}): [number, number][] {
  const target = Math.round((options.targetSec ?? 30) * sampleRate);
  const slack = Math.round((options.slackSec ?? 8) * sampleRate);
  const frame = Math.max(1, Math.round((options.frameSec ?? 0.02) * sampleRate));
  const total = samples.length;
  const chunks: [number, number][] = [];
  const energy = (from: number) => {
    let sum = 0;
    const to = Math.min(total, from + frame);
    for (let i = from; i < to; i++) sum += samples[i]! * samples[i]!;
    return sum / Math.max(1, to - from);
  };
  let start = 0;
  // The last chunk may run up to target + slack rather than leave a sliver behind.
  while (total - start > target + slack) {
    const from = start + target - slack;
    const to = start + target + slack;
    let best = start + target;
    let bestEnergy = Infinity;
    // Averaged over three frames, so one quiet frame inside a word is not taken for a pause.
    for (let f = from; f + 3 * frame <= to; f += frame) {
      const e = energy(f) + energy(f + frame) + energy(f + 2 * frame);
      if (e < bestEnergy) {
        bestEnergy = e;
        best = f + frame + (frame >> 1);
      }
    }
    chunks.push([start, best]);
    start = best;
  }
  if (total > start) chunks.push([start, total]);
  return chunks;
}
