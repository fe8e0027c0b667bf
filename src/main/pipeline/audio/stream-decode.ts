import fs from 'node:fs';
import { permanentError, isStageError } from '../../engine/stage-error';
import { audioFormatNames, describeContent, sniffAudioFormat, type AudioFormat } from './audio-format';
import { defaultMaxAudioSeconds, type DecodeOptions } from './decode-audio';
import { speechRate } from './pcm-audio';
import { downmix } from './resample';
import { StreamResampler } from './stream-resampler';
import { builtInBlocks, builtInCodec, ffmpegBlocks, wavBlocks, type AudioBlock } from './stream-sources';
import { probeWav } from './wav-probe';

/** What a streamed decode found. */
export interface StreamedAudioInfo {
  /** 16 kHz mono samples delivered. */
  frames: number;
  durationSec: number;
  /** What the file held before conversion to 16 kHz mono. */
  source: { format: AudioFormat; sampleRate: number; channels: number; decoder: 'wav' | 'audio-decode' | 'ffmpeg' };
}

/** Where streamed 16 kHz mono samples go. */
export interface PcmSink {
  write(samples: Float32Array): Promise<void> | void;
  /** A decoder failed part-way and the next one starts over: forget what was written. */
  reset(): Promise<void> | void;
}

export interface StreamDecodeOptions extends DecodeOptions {
  /** Share of the input decoded so far, 0–1 (called often; throttle on the other side). */
  onProgress?(done: number): void;
}

/** Slack on the length limit for samples an encoder adds at the end, seconds. */
const codecPaddingSec = 1;

const reason = (err: unknown) => (err instanceof Error ? err.message : String(err));
const headBytes = 1 << 20;

function readHead(file: string): { head: Buffer; size: number } {
  const fd = fs.openSync(file, 'r');
  try {
    const size = fs.fstatSync(fd).size;
    const head = Buffer.alloc(Math.min(size, headBytes));
    fs.readSync(fd, head, 0, head.length, 0);
    return { head, size };
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Decodes an audio file to 16 kHz mono float samples as a stream: blocks of a few seconds are
 * converted (down-mixed, resampled) and handed to `sink` as they come, so memory stays bounded
 * whatever the length, and the event loop (a worker's heartbeat) runs between blocks. When ffmpeg is
 * configured it decodes in its own process (compressed formats, and WAV that needs resampling);
 * otherwise WAV is read straight from the file and other formats go through the built-in decoders
 * fed in bounded reads. Whichever comes second is the fallback.
 * Errors are the permanent, coded ones of decodeAudioFile: AUDIO_EMPTY, AUDIO_UNDECODABLE,
 * AUDIO_TOO_LONG (raised as soon as the limit is passed, not after decoding it all).
 */
export async function decodeStreaming(
  file: string,
  fileName: string,
  options: StreamDecodeOptions,
  sink: PcmSink,
): Promise<StreamedAudioInfo> {
  const { head, size } = readHead(file);
  if (size === 0) throw permanentError('AUDIO_EMPTY', `${fileName} is an empty file (0 bytes)`);
  const format = sniffAudioFormat(head.subarray(0, 64));
  if (!format) {
    throw permanentError(
      'AUDIO_UNDECODABLE',
      `${fileName} is not audio Lifeline can decode (WAV, MP3, Ogg/Opus, FLAC, M4A/AAC): it looks like ${describeContent(head.subarray(0, 512))}`,
    );
  }
  const max = options.maxSeconds ?? defaultMaxAudioSeconds;
  const tooLong = (sec: number, exact: boolean) =>
    permanentError(
      'AUDIO_TOO_LONG',
      `${fileName} lasts ${exact ? '' : 'more than '}${(sec / 60).toFixed(1)} min; the limit is ${(max / 60).toFixed(0)} min`,
    );
  const tries: { decoder: StreamedAudioInfo['source']['decoder']; blocks: () => AsyncGenerator<AudioBlock> }[] = [];
  let ffmpegSource: { sampleRate: number; channels: number } | null = null;
  const viaFfmpeg = (ffmpeg: string) => ({
    decoder: 'ffmpeg' as const,
    blocks: () => ffmpegBlocks(ffmpeg, file, (s) => (ffmpegSource = s), options.signal),
  });
  if (format === 'wav') {
    const wav = probeWav(head, size, fileName);
    if (wav.durationSec > max) throw tooLong(wav.durationSec, true);
    // ffmpeg resamples and down-mixes many times faster than JS does; 16 kHz mono needs neither.
    if (options.ffmpeg && (wav.sampleRate !== speechRate || wav.channels !== 1)) tries.push(viaFfmpeg(options.ffmpeg));
    tries.push({ decoder: 'wav', blocks: () => wavBlocks(file, wav, options.signal) });
  } else {
    if (options.ffmpeg) tries.push(viaFfmpeg(options.ffmpeg));
    tries.push({
      decoder: 'audio-decode',
      blocks: () => builtInBlocks(file, builtInCodec(format, head), options.signal),
    });
  }
  const failures: string[] = [];
  // A decoder that finds no samples may be fooled by a file that only looks like audio: the next one
  // decides. A WAV with no samples is empty; a compressed file none of them can get a sample out of
  // is undecodable (its header was all that looked like audio).
  let empty: unknown = null;
  let emptyCount = 0;
  for (const t of tries) {
    try {
      await sink.reset();
      const info = await pipe(
        t.blocks(),
        { format, decoder: t.decoder, channels: 0 },
        fileName,
        options,
        sink,
        max,
        tooLong,
      );
      // ffmpeg hands over 16 kHz mono already; what the file held comes from its log.
      const told = ffmpegSource as { sampleRate: number; channels: number } | null;
      if (t.decoder === 'ffmpeg' && told)
        Object.assign(info.source, { sampleRate: told.sampleRate, channels: told.channels });
      return info;
    } catch (err: unknown) {
      options.signal?.throwIfAborted();
      if (isStageError(err) && err.code === 'AUDIO_TOO_LONG') throw err;
      if (isStageError(err) && err.code === 'AUDIO_EMPTY') {
        empty = err;
        emptyCount++;
      }
      failures.push(`${t.decoder === 'ffmpeg' ? 'ffmpeg: ' : ''}${reason(err)}`);
    }
  }
  if (emptyCount === tries.length && format === 'wav') throw empty;
  throw permanentError(
    'AUDIO_UNDECODABLE',
    `${fileName} looks like ${audioFormatNames[format]} but cannot be decoded: ${failures.join('; ')}`,
  );
}

async function pipe(
  blocks: AsyncGenerator<AudioBlock>,
  source: { format: AudioFormat; decoder: StreamedAudioInfo['source']['decoder']; channels: number },
  fileName: string,
  options: StreamDecodeOptions,
  sink: PcmSink,
  max: number,
  tooLong: (sec: number, exact: boolean) => Error,
): Promise<StreamedAudioInfo> {
  let resampler: StreamResampler | null = null;
  let rate = 0;
  let channels = source.channels;
  let sourceFrames = 0;
  let frames = 0;
  const write = async (samples: Float32Array) => {
    if (samples.length === 0) return;
    frames += samples.length;
    await sink.write(samples);
  };
  try {
    for await (const block of blocks) {
      if (!resampler) {
        rate = block.sampleRate;
        resampler = new StreamResampler(rate, speechRate);
      } else if (block.sampleRate !== rate) {
        throw new Error(`the sample rate changes from ${rate} Hz to ${block.sampleRate} Hz inside the file`);
      }
      channels = Math.max(channels, block.channelData.length);
      sourceFrames += block.channelData[0]!.length;
      // Encoders pad the end (AAC, MP3 frames): a recording of exactly the limit decodes a little longer.
      if (sourceFrames / rate > max + codecPaddingSec) throw tooLong(sourceFrames / rate, false);
      await write(resampler.push(downmix(block.channelData)));
      if (block.done !== undefined) options.onProgress?.(block.done);
    }
    if (resampler) await write(resampler.end());
  } finally {
    await blocks.return(undefined);
  }
  options.signal?.throwIfAborted();
  if (frames === 0) throw permanentError('AUDIO_EMPTY', `${fileName} contains no audio samples`);
  return {
    frames,
    durationSec: sourceFrames / rate,
    source: { format: source.format, sampleRate: rate, channels, decoder: source.decoder },
  };
}
