import { findExecutable } from '../system/find-executable';
import { decodeAudioFile, defaultMaxAudioSeconds, type DecodedAudio } from './decode-audio';

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

export function audioDecoder(config: DecoderConfig) {
  return (file: string, fileName: string, signal?: AbortSignal): Promise<DecodedAudio> =>
    decodeAudioFile(file, fileName, { signal, ffmpeg: config.ffmpeg, maxSeconds: config.maxSeconds });
}
