import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { findExecutable } from '../../src/main/pipeline/system/find-executable';
import { repoRoot } from './spawn';

export const festivalVoice = 'voice_cmu_us_slt_arctic_hts';
const cacheDir = path.join(repoRoot, '.cache', 'festival');

/** Why festival speech cannot be made here, or null when it can. */
export function festivalMissing(): string | null {
  return findExecutable('text2wave')
    ? null
    : 'festival (text2wave) is not installed: apt install festival festvox-us-slt-hts';
}

/** A festival voice and how fast it speaks: `stretch` > 1 is slower (diphone voices; HTS voices ignore it). */
export interface SpeakingStyle {
  voice: string;
  stretch?: number;
}

/**
 * `text` spoken by festival (by default the SLT voice) as a WAV at the voice's own rate (SLT 32 kHz,
 * the diphone voices 16 kHz). Cached under .cache/festival by a hash of style and text, so reruns
 * take no time. Bounded to 60 s per sentence.
 */
export function speak(text: string, style: SpeakingStyle = { voice: festivalVoice }): string {
  fs.mkdirSync(cacheDir, { recursive: true });
  const stretch = style.stretch ?? 1;
  const id = stretch === 1 ? style.voice : `${style.voice}@${stretch}`;
  const key = crypto.createHash('sha256').update(`${id}\n${text}`).digest('hex').slice(0, 24);
  const file = path.join(cacheDir, `${key}.wav`);
  if (fs.existsSync(file)) return file;
  const tmp = `${file}.${process.pid}.tmp`;
  const evals = [
    '-eval',
    `(${style.voice})`,
    ...(stretch === 1 ? [] : ['-eval', `(Parameter.set 'Duration_Stretch ${stretch})`]),
  ];
  execFileSync('text2wave', [...evals, '-o', tmp], { input: text, timeout: 60_000, stdio: ['pipe', 'ignore', 'pipe'] });
  fs.renameSync(tmp, file);
  return file;
}

/** Several sentences as one recording, with `gapSec` of silence between them (sox). */
export function speakAll(texts: readonly string[], out: string, gapSec = 0.6): string {
  const files = texts.map((t) => speak(t));
  const silence = `${out}.silence.wav`;
  execFileSync('sox', ['-n', '-r', '32000', '-c', '1', '-b', '16', silence, 'trim', '0', String(gapSec)]);
  execFileSync('sox', files.flatMap((f, i) => (i === 0 ? [f] : [silence, f])).concat(out));
  fs.rmSync(silence, { force: true });
  return out;
}
