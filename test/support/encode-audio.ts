import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { findExecutable } from '../../src/main/pipeline/system/find-executable';

export type TestFormat = 'wav' | 'mp3' | 'ogg' | 'opus' | 'flac' | 'm4a';

/**
 * Encodes `source` (any audio sox reads) into `format` with ffmpeg, or with sox for the formats it
 * writes (wav, flac, ogg Vorbis) when ffmpeg is missing. Returns null when neither can make it.
 */
export function encodeAudio(source: string, format: TestFormat, dir: string, extraArgs: string[] = []): string | null {
  const out = path.join(dir, `${path.basename(source, path.extname(source))}-${format}.${format}`);
  if (findExecutable('ffmpeg')) {
    const codec: Record<TestFormat, string[]> = {
      wav: [],
      mp3: ['-c:a', 'libmp3lame', '-b:a', '96k'],
      ogg: ['-c:a', 'libvorbis'],
      opus: ['-c:a', 'libopus', '-b:a', '48k'],
      flac: [],
      m4a: ['-c:a', 'aac', '-b:a', '96k'],
    };
    execFileSync('ffmpeg', ['-nostdin', '-v', 'error', '-y', '-i', source, ...extraArgs, ...codec[format], out], {
      timeout: 60_000,
    });
    return out;
  }
  if ((format === 'wav' || format === 'flac' || format === 'ogg') && findExecutable('sox')) {
    execFileSync('sox', [source, out], { timeout: 60_000 });
    return out;
  }
  return null;
}
