import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { TranscriptSegment } from '../../../shared/contract';
import { durationOf, type PcmAudio } from '../audio/pcm-audio';
import { encodeWav } from '../audio/wav-write';
import { serviceError } from '../../engine/stage-error';
import type { Availability, StageService } from '../../engine/stage-handler';
import { CachedProbe, findExecutable } from '../system/find-executable';
import { runProcess } from '../system/run-process';
import type { AsrEngine, TranscribeOptions } from './asr-engine';
import { LocalDecodeCheck } from './asr-probes';
import { defaultLanguageModel, type PocketsphinxLanguageModel } from './pocketsphinx-language-model';
import { parsePocketsphinxOutput } from './pocketsphinx-output';

export const pocketsphinxInstallHint =
  'install pocketsphinx (Debian/Ubuntu: apt install pocketsphinx pocketsphinx-en-us)';

export interface PocketsphinxOptions {
  /** Executable name or path. Default `pocketsphinx_continuous` ($LIFELINE_POCKETSPHINX_BIN). */
  bin?: string;
  /** Acoustic model dir checked by availability on Linux. Default Debian's /usr/share/pocketsphinx/model/en-us/en-us. */
  modelDir?: string;
  env?: NodeJS.ProcessEnv;
  /** Decoder options passed as they are (`['-lw', '7']`). Default {@link pocketsphinxDecoderArgs}. */
  decoderArgs?: readonly string[];
  /**
   * The language model. Default: the memo model in resources/asr when present, else Debian's general
   * one ({@link defaultLanguageModel}). An `-lm` among `decoderArgs` wins over it.
   */
  languageModel?: PocketsphinxLanguageModel;
}

/**
 * A language weight of 4 instead of Debian's 6.5. Measured with `npm run bench` on festival speech
 * (three voices, tuning sentences): WER 21.1 % at 6.5, 19.7 % at 5 and 4, 19.0 % at 3, 24.9 % at 8;
 * 4 is the middle of the plateau, and the bench checks it on the held-out sentences (docs/pipeline.md).
 * And the 8 best Gaussians per frame instead of 4: bench/memory-sweep.ts on forty tuning sentences,
 * WER 18.3 → 17.2 %, no voice worse, general speech 6.7 → 5.9 %. Beams, -wip, -silprob, -bestpath,
 * the 2nd/3rd-pass weights and -maxhmmpf gained nothing on all three voices (docs/pipeline.md).
 * With the memo language model the weight was checked again: 5.0 / 4.9 / 5.4 % WER at 3 / 4 / 5.
 */
export const pocketsphinxDecoderArgs: readonly string[] = ['-lw', '4', '-topn', '8'];

/**
 * CMU PocketSphinx (Debian's 0.8 `pocketsphinx_continuous` + pocketsphinx-en-us) as a child process:
 * fully offline, modest accuracy, no model download. Each chunk is written as a 16 kHz WAV to the
 * scratch dir and decoded; aborting kills the process.
 */
export class PocketsphinxEngine implements AsrEngine {
  readonly name = 'pocketsphinx';
  private readonly probe: CachedProbe<{ bin: string | null; reason: string | null }>;
  private readonly decoderArgs: readonly string[];
  /** The language model decodes use (shown in the health entry). */
  readonly languageModel: PocketsphinxLanguageModel;

  constructor(options: PocketsphinxOptions = {}) {
    const decoderArgs = options.decoderArgs ?? pocketsphinxDecoderArgs;
    const lmAt = decoderArgs.indexOf('-lm');
    this.languageModel =
      lmAt >= 0
        ? { file: decoderArgs[lmAt + 1] ?? null, name: `language model ${path.basename(decoderArgs[lmAt + 1] ?? '')}` }
        : (options.languageModel ?? defaultLanguageModel());
    this.decoderArgs =
      lmAt < 0 && this.languageModel.file ? [...decoderArgs, '-lm', this.languageModel.file] : decoderArgs;
    const env = options.env ?? process.env;
    const binName = options.bin ?? env.LIFELINE_POCKETSPHINX_BIN ?? 'pocketsphinx_continuous';
    const modelDir = options.modelDir ?? '/usr/share/pocketsphinx/model/en-us/en-us';
    this.probe = new CachedProbe(() => {
      const bin = findExecutable(binName, env);
      if (!bin) return { bin: null, reason: `pocketsphinx is not installed: ${pocketsphinxInstallHint}` };
      if (process.platform === 'linux' && binName === 'pocketsphinx_continuous' && !fs.existsSync(modelDir)) {
        return { bin, reason: `pocketsphinx has no English model at ${modelDir}: install pocketsphinx-en-us` };
      }
      return { bin, reason: null };
    });
  }

  /**
   * Once installed, a service like a server: a crash-looping decoder opens its breaker and parks the
   * stage instead of burning items, and its check is a real decode of a moment of silence.
   */
  get service(): StageService | undefined {
    if (!this.availability().ok) return undefined;
    const decode = (this.decodeCheck ??= new LocalDecodeCheck(this));
    this.localService ??= {
      name: 'pocketsphinx',
      label: `Speech recognition (pocketsphinx, ${this.languageModel.name})`,
      kind: 'local-engine',
      required: true,
      probe: (signal, options) => decode.check(signal, options?.fresh),
    };
    return this.localService;
  }
  private localService: StageService | undefined;
  private decodeCheck: LocalDecodeCheck | undefined;

  availability(): Availability {
    const p = this.probe.get();
    return p.reason ? { ok: false, reason: p.reason } : { ok: true };
  }

  async transcribe(audio: PcmAudio, options: TranscribeOptions): Promise<TranscriptSegment[]> {
    const { bin, reason } = this.probe.get();
    if (!bin || reason) throw serviceError('ASR_UNAVAILABLE', reason ?? 'pocketsphinx is not installed');
    fs.mkdirSync(options.tmpDir, { recursive: true });
    const wav = path.join(options.tmpDir, `pocketsphinx-${process.pid}-${crypto.randomBytes(4).toString('hex')}.wav`);
    fs.writeFileSync(wav, encodeWav(audio.samples, audio.sampleRate), { mode: 0o600 });
    try {
      // Generous: a loaded laptop decodes at ~0.3× real time; a hung decoder is still caught.
      const timeoutMs = 60_000 + 10_000 * durationOf(audio);
      let r;
      try {
        // -time yes prints each word's times: utterances are cut at the pauses between words.
        const args = [
          '-infile',
          wav,
          '-time',
          'yes',
          '-logfn',
          process.platform === 'win32' ? 'NUL' : '/dev/null',
          ...this.decoderArgs,
        ];
        r = await runProcess(bin, args, {
          signal: options.signal,
          timeoutMs,
        });
      } catch (err: unknown) {
        options.signal.throwIfAborted();
        const code = (err as NodeJS.ErrnoException).code;
        if (code === 'ETIMEDOUT')
          throw serviceError(
            'ASR_TIMEOUT',
            `pocketsphinx did not finish a ${durationOf(audio).toFixed(0)} s chunk in ${timeoutMs / 1000} s`,
            err,
          );
        throw serviceError('ASR_ENGINE_FAILED', `pocketsphinx could not be started: ${(err as Error).message}`, err);
      }
      if (r.code !== 0) {
        const why = r.stderr.trim().split('\n').slice(-1)[0] ?? '';
        throw serviceError(
          'ASR_ENGINE_FAILED',
          `pocketsphinx exited with ${r.code ?? r.signal}${why ? `: ${why}` : ''}`,
        );
      }
      return parsePocketsphinxOutput(r.stdout.toString('utf8'));
    } finally {
      fs.rmSync(wav, { force: true });
    }
  }
}
