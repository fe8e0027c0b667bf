import { findExecutable } from '../system/find-executable';
import { defaultMaxAudioSeconds } from './decode-audio';
import { measureAudio, spoolAudio, type SpooledAudio } from './pcm-spool';
import type { StreamedAudioInfo } from './stream-decode';

export interface DecoderConfig {
  /** ffmpeg used as the fallback decoder, or null. */
  ffmpeg: string | null;
  maxSeconds: number;
}

/**
 * $LIFELINE_FFMPEG: a path, or "off" (default: ffmpeg on PATH when present).
 * $LIFELINE_MAX_AUDIO_SECONDS: longest accepted recording (default 4 h).
 */
export function decoderConfig(env: NodeJS.ProcessEnv): DecoderConfig {
  const setting = env.LIFELINE_FFMPEG?.trim();
  const ffmpeg = setting === 'off' ? null : findExecutable(setting || 'ffmpeg', env);
  const max = Number(env.LIFELINE_MAX_AUDIO_SECONDS);
  return { ffmpeg, maxSeconds: Number.isFinite(max) && max > 0 ? max : defaultMaxAudioSeconds };
}

/**
 * How the stages decode: streamed, so a 4-hour recording never sits in memory whole and the
 * worker's heartbeat keeps beating while it decodes.
 */
export interface AudioDecoding {
  /** Decodes into a temporary spool file in `tmpDir`, read back a chunk at a time. */
  spool(
    file: string,
    fileName: string,
    tmpDir: string,
    signal: AbortSignal,
    onProgress?: (done: number) => void,
  ): Promise<SpooledAudio>;
  /** Decodes only to check the file and learn its length. */
  measure(
    file: string,
    fileName: string,
    signal: AbortSignal,
    onProgress?: (done: number) => void,
  ): Promise<StreamedAudioInfo>;
}

export function audioDecoding(config: DecoderConfig): AudioDecoding {
  const options = (signal: AbortSignal, onProgress?: (done: number) => void) => ({
    signal,
    onProgress,
    ffmpeg: config.ffmpeg,
    maxSeconds: config.maxSeconds,
  });
  return {
    spool: (file, fileName, tmpDir, signal, onProgress) =>
      spoolAudio(file, fileName, tmpDir, options(signal, onProgress)),
    measure: (file, fileName, signal, onProgress) => measureAudio(file, fileName, options(signal, onProgress)),
  };
}
