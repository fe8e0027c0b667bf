import fs from 'node:fs';
import { wavHeader } from '../../src/main/pipeline/audio/wav-header';

/**
 * Writes a 16-bit PCM WAV of a tone (with a little noise so every file's hash differs by `seed`).
 * Real audio that the ingest stage accepts, generated without external tools.
 */
export function writeWav(
  file: string,
  options: { seconds: number; rate?: number; channels?: number; seed?: number },
): string {
  const rate = options.rate ?? 16000;
  const channels = options.channels ?? 1;
  const frames = Math.round(options.seconds * rate);
  const data = Buffer.alloc(frames * channels * 2);
  let s = (options.seed ?? 1) >>> 0 || 1;
  for (let i = 0; i < frames; i++) {
    s = (s * 1664525 + 1013904223) >>> 0;
    const v = Math.round(8000 * Math.sin((2 * Math.PI * 440 * i) / rate) + ((s >>> 16) % 200) - 100);
    for (let c = 0; c < channels; c++) data.writeInt16LE(v, (i * channels + c) * 2);
  }
  fs.writeFileSync(file, Buffer.concat([wavHeader(rate, channels, data.length), data]));
  return file;
}

/** A text file wearing an audio extension: the classic bad input, refused at the door (NOT_AUDIO). */
export function writeFakeWav(file: string, text = 'this is a shopping list, not a recording'): string {
  fs.writeFileSync(file, text);
  return file;
}

/**
 * A file that looks like audio by its content (a RIFF/WAVE header, or `fLaC` for a .flac name) but
 * holds text after it: it passes the door check and becomes an AUDIO_UNDECODABLE dead letter.
 * Different `text` gives different audio (hash), so several are several items.
 */
export function writeBrokenAudio(file: string, text = 'this is a shopping list, not a recording'): string {
  const body = Buffer.from(text);
  const head = file.toLowerCase().endsWith('.flac')
    ? Buffer.from('fLaC')
    : Buffer.concat([Buffer.from('RIFF'), Buffer.from(Uint32Array.of(body.length + 4).buffer), Buffer.from('WAVE')]);
  fs.writeFileSync(file, Buffer.concat([head, body]));
  return file;
}
