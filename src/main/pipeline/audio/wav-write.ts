import { wavHeader } from './wav-header';
import { toInt16 } from './resample';

/** A 16-bit PCM mono WAV file of `samples` (what pocketsphinx and HTTP ASR servers accept). */
export function encodeWav(samples: Float32Array, sampleRate: number): Buffer {
  const pcm = toInt16(samples);
  const data = Buffer.from(pcm.buffer, pcm.byteOffset, pcm.byteLength);
  return Buffer.concat([wavHeader(sampleRate, 1, data.length), data]);
}
