import { spawn } from 'node:child_process';
import fs from 'node:fs';
import type { AudioFormat } from './audio-format';
import { speechRate } from './pcm-audio';
import type { WavInfo } from './wav-probe';

/** Decoded audio as it streams: one block of channels at the source rate. */
export interface AudioBlock {
  channelData: Float32Array[];
  sampleRate: number;
  /** Share of the input consumed so far, 0–1, when the source can tell. */
  done?: number;
}

/** File reads of this size keep each synchronous step (convert, decode, resample) to milliseconds. */
const readBytes = 256 * 1024;

/** The sample data of a PCM or float WAV, block by block, read straight from the file. */
export async function* wavBlocks(file: string, wav: WavInfo, signal?: AbortSignal): AsyncGenerator<AudioBlock> {
  const bytesPerSample = wav.bitsPerSample / 8;
  const frameBytes = bytesPerSample * wav.channels;
  const read = (b: Buffer, at: number): number => {
    if (wav.format === 'float') return bytesPerSample === 4 ? b.readFloatLE(at) : b.readDoubleLE(at);
    switch (bytesPerSample) {
      case 1:
        return (b[at]! - 128) / 128;
      case 2:
        return b.readInt16LE(at) / 0x8000;
      case 3:
        return b.readIntLE(at, 3) / 0x800000;
      default:
        return b.readInt32LE(at) / 0x80000000;
    }
  };
  const stream = fs.createReadStream(file, {
    start: wav.dataOffset,
    end: wav.dataOffset + wav.dataBytes - 1,
    highWaterMark: readBytes,
    signal,
  });
  let carry: Buffer = Buffer.alloc(0);
  let consumed = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    consumed += chunk.length;
    const bytes = carry.length > 0 ? Buffer.concat([carry, chunk]) : chunk;
    const frames = Math.floor(bytes.length / frameBytes);
    const channelData = Array.from({ length: wav.channels }, () => new Float32Array(frames));
    for (let f = 0; f < frames; f++) {
      const base = f * frameBytes;
      for (let c = 0; c < wav.channels; c++) channelData[c]![f] = read(bytes, base + c * bytesPerSample);
    }
    carry = bytes.subarray(frames * frameBytes);
    if (frames > 0) yield { channelData, sampleRate: wav.sampleRate, done: consumed / wav.dataBytes };
  }
}

/** What ffmpeg said about its input stream (parsed from its log). */
export interface FfmpegSource {
  sampleRate: number;
  channels: number;
  /** Seconds, when the container says. */
  durationSec: number | null;
}

function parseSource(log: string): FfmpegSource | null {
  const m = /Stream #\S+.*?Audio: [^,]+, (\d+) Hz, ([^,\n]+)/.exec(log);
  if (!m) return null;
  const layout = m[2]!.trim();
  const channels = layout === 'mono' ? 1 : layout === 'stereo' ? 2 : Number(/^(\d+)/.exec(layout)?.[1] ?? 2);
  const d = /Duration: (\d+):(\d\d):(\d\d(?:\.\d+)?)/.exec(log);
  const durationSec = d ? Number(d[1]) * 3600 + Number(d[2]) * 60 + Number(d[3]) : null;
  return { sampleRate: Number(m[1]), channels, durationSec };
}

/**
 * ffmpeg decoding in its own process, streaming 16 kHz mono float samples: nothing of the decode
 * runs on this thread. `onSource` gets the input's own rate and layout once ffmpeg has read them.
 * A non-zero exit rejects with ffmpeg's last error line.
 */
export async function* ffmpegBlocks(
  ffmpeg: string,
  file: string,
  onSource: (s: FfmpegSource) => void,
  signal?: AbortSignal,
): AsyncGenerator<AudioBlock> {
  const child = spawn(
    ffmpeg,
    [
      '-nostdin',
      '-hide_banner',
      '-loglevel',
      'info',
      '-i',
      file,
      '-vn',
      '-f',
      'f32le',
      '-ac',
      '1',
      '-ar',
      String(speechRate),
      'pipe:1',
    ],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
      windowsHide: true,
    },
  );
  const kill = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  };
  signal?.addEventListener('abort', kill, { once: true });
  let log = '';
  let told = false;
  let durationSec: number | null = null;
  let decoded = 0;
  child.stderr.on('data', (d: Buffer) => {
    // Only the start (stream info) and the tail (the last error) are ever needed.
    log = (log + d.toString()).slice(-16_384);
    if (!told) {
      const s = parseSource(log);
      if (s) {
        told = true;
        durationSec = s.durationSec;
        onSource(s);
      }
    }
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; error?: Error }>((resolve) => {
    child.on('error', (error) => resolve({ code: null, signal: null, error }));
    child.on('close', (code, sig) => resolve({ code, signal: sig }));
  });
  let carry: Buffer = Buffer.alloc(0);
  try {
    for await (const chunk of child.stdout as AsyncIterable<Buffer>) {
      const bytes = carry.length > 0 ? Buffer.concat([carry, chunk]) : chunk;
      const n = Math.floor(bytes.length / 4);
      const samples = new Float32Array(n);
      Buffer.from(samples.buffer).set(bytes.subarray(0, n * 4));
      carry = Buffer.from(bytes.subarray(n * 4));
      decoded += n;
      const done = durationSec ? Math.min(1, decoded / speechRate / durationSec) : undefined;
      if (n > 0) yield { channelData: [samples], sampleRate: speechRate, done };
    }
    const end = await exited;
    signal?.throwIfAborted();
    if (end.error) throw end.error;
    if (end.code !== 0) {
      const last = log
        .trim()
        .split('\n')
        .filter((l) => !/^\s|^(Input|Output|Stream|Press|size=)/.test(l))
        .slice(-1)[0];
      throw new Error(last || `ffmpeg exited with ${end.code ?? end.signal}`);
    }
  } finally {
    kill();
    signal?.removeEventListener('abort', kill);
  }
}

/** audio-decode's codec name for a container (Ogg: Opus or Vorbis, by the first packet). */
export function builtInCodec(format: AudioFormat, head: Uint8Array): string {
  if (format !== 'ogg') return format;
  return Buffer.from(head).includes('OpusHead') ? 'opus' : 'oga';
}

/**
 * The built-in decoders (audio-decode, pure JS + wasm) fed the file in reads of a bounded size: each
 * step decodes a few seconds, and the event loop (the heartbeat) runs between reads.
 */
export async function* builtInBlocks(file: string, codec: string, signal?: AbortSignal): AsyncGenerator<AudioBlock> {
  // An ES module: loaded on first use, so CommonJS callers and processes that never decode do not pay for it.
  const { decodeChunked } = (await import('audio-decode/stream')) as {
    decodeChunked(source: AsyncIterable<Uint8Array>, format: string): AsyncGenerator<AudioBlock>;
  };
  const size = fs.statSync(file).size;
  let consumed = 0;
  async function* counted(): AsyncGenerator<Uint8Array> {
    for await (const chunk of fs.createReadStream(file, {
      highWaterMark: readBytes / 4,
      signal,
    }) as AsyncIterable<Buffer>) {
      consumed += chunk.length;
      yield chunk;
    }
  }
  for await (const block of decodeChunked(counted(), codec)) {
    if (block.channelData.length > 0 && block.channelData[0]!.length > 0)
      yield { ...block, done: size > 0 ? consumed / size : undefined };
  }
}
