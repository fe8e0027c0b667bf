import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { energyFrame, FrameEnergyMeter } from './chunk-plan';
import { speechRate } from './pcm-audio';
import { decodeStreaming, type StreamDecodeOptions, type StreamedAudioInfo } from './stream-decode';

/**
 * A recording decoded to 16 kHz mono float samples in a temporary file, read back a chunk at a time.
 * Only the chunk being transcribed is in memory; the file takes 64 kB per second of audio (230 MB an
 * hour) in the data dir's tmp/ while its job runs, and is deleted when it ends.
 */
export interface SpooledAudio extends StreamedAudioInfo {
  sampleRate: number;
  /** Energy of each `energyFrame`-sample frame: enough to plan the chunks. */
  energies: Float32Array;
  energyFrame: number;
  /** Samples [from, to). */
  read(from: number, to: number): Promise<Float32Array>;
  /** Closes and deletes the file. */
  close(): Promise<void>;
}

/** Decodes `file` into a spool file in `tmpDir` (see decodeStreaming for the decoders and errors). */
export async function spoolAudio(
  file: string,
  fileName: string,
  tmpDir: string,
  options: StreamDecodeOptions,
): Promise<SpooledAudio> {
  fs.mkdirSync(tmpDir, { recursive: true });
  const spool = path.join(tmpDir, `pcm-${process.pid}-${crypto.randomBytes(6).toString('hex')}.f32`);
  const fh = await fs.promises.open(spool, 'w+', 0o600);
  const frame = energyFrame(speechRate);
  let meter = new FrameEnergyMeter(frame);
  let position = 0;
  const close = async () => {
    await fh.close().catch(() => {});
    await fs.promises.rm(spool, { force: true });
  };
  try {
    const info = await decodeStreaming(file, fileName, options, {
      async write(samples) {
        meter.push(samples);
        const bytes = Buffer.from(samples.buffer, samples.byteOffset, samples.byteLength);
        await fh.write(bytes, 0, bytes.length, position);
        position += bytes.length;
      },
      async reset() {
        await fh.truncate(0);
        position = 0;
        meter = new FrameEnergyMeter(frame);
      },
    });
    return {
      ...info,
      sampleRate: speechRate,
      energies: meter.end(),
      energyFrame: frame,
      async read(from, to) {
        const out = new Float32Array(Math.max(0, Math.min(to, info.frames) - from));
        await fh.read(Buffer.from(out.buffer), 0, out.byteLength, from * 4);
        return out;
      },
      close,
    };
  } catch (err: unknown) {
    await close();
    throw err;
  }
}

/** Decodes `file` only to learn what it holds (ingest's check): nothing is kept. */
export function measureAudio(file: string, fileName: string, options: StreamDecodeOptions): Promise<StreamedAudioInfo> {
  return decodeStreaming(file, fileName, options, { write() {}, reset() {} });
}
