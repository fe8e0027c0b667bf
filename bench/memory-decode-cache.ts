import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { TranscriptSegment } from '../src/shared/contract';
import type { AsrEngine, TranscribeOptions } from '../src/main/pipeline/asr/asr-engine';
import { PocketsphinxEngine } from '../src/main/pipeline/asr/pocketsphinx-engine';
import type { PcmAudio } from '../src/main/pipeline/audio/pcm-audio';
import { findExecutable } from '../src/main/pipeline/system/find-executable';

const cacheDir = path.resolve(__dirname, '..', '.cache', 'asr-sweep');

/** Debian's general English model, which pocketsphinx uses when given no `-lm`. */
export const debianGeneralLm = '/usr/share/pocketsphinx/model/en-us/en-us.lm.bin';

/** What a file argument is, for the cache key: its size and time, so a rebuilt LM is decoded again. */
const argKey = (a: string) => {
  try {
    const st = fs.statSync(a);
    return st.isFile() ? `${a}@${st.size}@${st.mtimeMs}` : a;
  } catch {
    return a;
  }
};

/** Empties the cache when the decoder or its model changed since it was filled: an upgrade decodes afresh. */
function forgetOtherDecoders(): void {
  const bin = findExecutable('pocketsphinx_continuous') ?? 'none';
  const model = '/usr/share/pocketsphinx/model/en-us';
  const stamp = [bin, `${model}/en-us.lm.bin`, `${model}/cmudict-en-us.dict`, `${model}/en-us/mdef`]
    .map(argKey)
    .join('\n');
  const file = path.join(cacheDir, 'decoder.txt');
  const was = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : null;
  if (was === stamp) return;
  if (was !== null) fs.rmSync(cacheDir, { recursive: true, force: true });
  fs.mkdirSync(cacheDir, { recursive: true });
  fs.writeFileSync(file, stamp);
}

/**
 * A pocketsphinx engine whose decodes are kept on disk (.cache/asr-sweep) by decoder, model, options
 * and audio: pocketsphinx is deterministic, so a rerun of the memory bench or the sweep decodes only
 * what changed. LIFELINE_BENCH_DECODE_AFRESH=1 decodes everything again.
 */
export class CachedDecoder implements AsrEngine {
  readonly name = 'pocketsphinx (cached)';
  private readonly engine: PocketsphinxEngine;
  private readonly key: string;
  decoded = 0;
  cached = 0;
  /** The language model the decodes use, for people. */
  readonly languageName: string;

  constructor(readonly args: readonly string[]) {
    this.engine = new PocketsphinxEngine({ decoderArgs: args });
    // The language model the engine chose (the memo model when resources/asr has it) is part of the key.
    const lm = this.engine.languageModel.file;
    this.languageName = this.engine.languageModel.name;
    this.key = [...args, ...(lm && !args.includes('-lm') ? ['-lm', lm] : [])].map(argKey).join(' ');
    forgetOtherDecoders();
  }
  availability() {
    return this.engine.availability();
  }
  async transcribe(audio: PcmAudio, options: TranscribeOptions): Promise<TranscriptSegment[]> {
    const h = crypto.createHash('sha256').update(this.key).update('\n');
    h.update(new Uint8Array(audio.samples.buffer, audio.samples.byteOffset, audio.samples.byteLength));
    const file = path.join(cacheDir, `${h.digest('hex').slice(0, 32)}.json`);
    if (!process.env.LIFELINE_BENCH_DECODE_AFRESH && fs.existsSync(file)) {
      this.cached++;
      return JSON.parse(fs.readFileSync(file, 'utf8')) as TranscriptSegment[];
    }
    const out = await this.engine.transcribe(audio, options);
    fs.mkdirSync(cacheDir, { recursive: true });
    fs.writeFileSync(`${file}.tmp`, JSON.stringify(out));
    fs.renameSync(`${file}.tmp`, file);
    this.decoded++;
    return out;
  }
}
