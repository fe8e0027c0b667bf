/** Speech audio as every engine takes it: 16 kHz mono float samples in [-1, 1]. */
export const speechRate = 16_000;

export interface PcmAudio {
  samples: Float32Array;
  /** Always {@link speechRate}; kept explicit so a slice never loses its unit. */
  sampleRate: number;
}

export const durationOf = (a: PcmAudio) => a.samples.length / a.sampleRate;
