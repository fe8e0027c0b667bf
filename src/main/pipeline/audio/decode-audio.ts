import fs from 'node:fs';
import { permanentError } from '../../engine/stage-error';
import { runProcess } from '../system/run-process';
import { audioFormatNames, describeContent, sniffAudioFormat, type AudioFormat } from './audio-format';
import { speechRate, type PcmAudio } from './pcm-audio';
import { downmix, resample } from './resample';
import { probeWav } from './wav-probe';

/** Longest recording accepted by default: 4 h (16 kHz float samples of it take ~0.9 GB). */
export const defaultMaxAudioSeconds = 4 * 3600;

export interface DecodeOptions {
  signal?: AbortSignal;
  /** Longer audio is refused with AUDIO_TOO_LONG. Seconds; default {@link defaultMaxAudioSeconds}. */
  maxSeconds?: number;
  /** Path of an ffmpeg executable tried when the built-in decoders fail; null to never use one. */
  ffmpeg?: string | null;
}

export interface DecodedAudio extends PcmAudio {
  durationSec: number;
  /** What the file held before conversion to 16 kHz mono. */
  source: { format: AudioFormat; sampleRate: number; channels: number; decoder: 'audio-decode' | 'ffmpeg' };
}

interface RawAudio {
  channelData: Float32Array[];
  sampleRate: number;
}

async function decodeBuiltIn(bytes: Uint8Array): Promise<RawAudio> {
  // audio-decode is an ES module (pure JS + wasm): loaded on first use, so CommonJS callers and
  // processes that never decode do not pay for it.
  const { default: decode } = await import('audio-decode');
  return decode(bytes);
}

async function decodeWithFfmpeg(ffmpeg: string, file: string, signal?: AbortSignal): Promise<RawAudio> {
  const r = await runProcess(
    ffmpeg,
    ['-nostdin', '-v', 'error', '-i', file, '-vn', '-f', 'f32le', '-ac', '1', '-ar', String(speechRate), 'pipe:1'],
    {
      signal,
    },
  );
  if (r.code !== 0)
    throw new Error(r.stderr.trim().split('\n').slice(-1)[0] || `ffmpeg exited with ${r.code ?? r.signal}`);
  const copy = new Float32Array(Math.floor(r.stdout.length / 4));
  Buffer.from(copy.buffer).set(r.stdout.subarray(0, copy.length * 4));
  return { channelData: [copy], sampleRate: speechRate };
}

const reason = (err: unknown) => (err instanceof Error ? err.message : String(err));

/**
 * Decodes a WAV, MP3, Ogg (Opus/Vorbis), FLAC or M4A/AAC file to 16 kHz mono float samples. The
 * built-in decoders (audio-decode) run first; ffmpeg, when given, is the fallback. Bad input is a
 * permanent error naming the file: AUDIO_EMPTY (no bytes or no samples), AUDIO_UNDECODABLE (not
 * audio, or corrupt), AUDIO_TOO_LONG.
 */
export async function decodeAudioFile(
  file: string,
  fileName: string,
  options: DecodeOptions = {},
): Promise<DecodedAudio> {
  const bytes = await fs.promises.readFile(file, { signal: options.signal });
  if (bytes.length === 0) throw permanentError('AUDIO_EMPTY', `${fileName} is an empty file (0 bytes)`);
  const format = sniffAudioFormat(bytes.subarray(0, 64));
  if (!format) {
    throw permanentError(
      'AUDIO_UNDECODABLE',
      `${fileName} is not audio Lifeline can decode (WAV, MP3, Ogg/Opus, FLAC, M4A/AAC): it looks like ${describeContent(bytes.subarray(0, 512))}`,
    );
  }
  // A WAV header tells exactly what is wrong (no samples, odd codec) before any decoder guesses.
  if (format === 'wav') probeWav(bytes.subarray(0, 1 << 20), bytes.length, fileName);
  let raw: RawAudio;
  let decoder: DecodedAudio['source']['decoder'] = 'audio-decode';
  try {
    raw = await decodeBuiltIn(bytes);
    if (!raw.channelData?.length || !(raw.sampleRate > 0)) throw new Error('the decoder returned no channels');
  } catch (builtInErr: unknown) {
    options.signal?.throwIfAborted();
    if (!options.ffmpeg) {
      throw permanentError(
        'AUDIO_UNDECODABLE',
        `${fileName} looks like ${audioFormatNames[format]} but cannot be decoded: ${reason(builtInErr)}`,
        builtInErr,
      );
    }
    try {
      raw = await decodeWithFfmpeg(options.ffmpeg, file, options.signal);
      decoder = 'ffmpeg';
    } catch (ffmpegErr: unknown) {
      options.signal?.throwIfAborted();
      throw permanentError(
        'AUDIO_UNDECODABLE',
        `${fileName} looks like ${audioFormatNames[format]} but cannot be decoded: ${reason(builtInErr)}; ffmpeg: ${reason(ffmpegErr)}`,
        ffmpegErr,
      );
    }
  }
  options.signal?.throwIfAborted();
  const frames = raw.channelData[0]!.length;
  if (frames === 0) throw permanentError('AUDIO_EMPTY', `${fileName} contains no audio samples`);
  const durationSec = frames / raw.sampleRate;
  const max = options.maxSeconds ?? defaultMaxAudioSeconds;
  if (durationSec > max) {
    throw permanentError(
      'AUDIO_TOO_LONG',
      `${fileName} lasts ${(durationSec / 60).toFixed(1)} min; the limit is ${(max / 60).toFixed(0)} min`,
    );
  }
  const samples = resample(downmix(raw.channelData), raw.sampleRate, speechRate);
  return {
    samples,
    sampleRate: speechRate,
    durationSec,
    source: { format, sampleRate: raw.sampleRate, channels: raw.channelData.length, decoder },
  };
}
