import path from 'node:path';
import type { TranscriptSegment } from '../../../shared/contract';
import type { PcmAudio } from '../audio/pcm-audio';
import { serviceError } from '../../engine/stage-error';
import type { Availability, StageService } from '../../engine/stage-handler';
import { CachedProbe } from '../system/find-executable';
import { cleanText, type AsrEngine, type TranscribeOptions } from './asr-engine';
import {
  checkWhisperBindingLoads,
  findWhisperBinding,
  loadWhisperBinding,
  type WhisperAddon,
  type WhisperBindingFile,
  type WhisperBindingOptions,
  type WhisperContext,
} from './whisper-binding';
import { checkModelFile } from './whisper-model-file';

export const noWhisperModelReason =
  'no whisper model: download one in Settings → Speech models (or lifeline models download base), or set LIFELINE_WHISPER_MODEL to a ggml .bin file';

export interface WhisperEngineOptions {
  /** Model path, or null when none is installed (the engine is then unavailable with the reason). */
  model: string | null;
  /** Default "en". */
  language?: string;
  /** CPU threads for one transcription. Default 2. */
  threads?: number;
  /** Where the native addon is looked for. Default: this platform's package beside Lifeline's modules. */
  binding?: WhisperBindingOptions;
}

/**
 * whisper.cpp in this process through the prebuilt @fugood/whisper.node addon (CPU build only).
 * Whether it can run is read from disk (the model file, the addon's package), so the engine process
 * that asks loads no native code; the addon and the model are loaded on the first transcription (in
 * the transcribe worker) and kept. A missing or corrupt model, or an addon that will not load, is a
 * reason given in words, never a crash.
 */
export class WhisperEngine implements AsrEngine {
  readonly name: string;
  private context: Promise<WhisperContext> | null = null;
  private addon: WhisperAddon | null = null;
  private readonly modelCheck: CachedProbe<Availability>;
  private readonly bindingFile: CachedProbe<WhisperBindingFile>;
  /** The addon file whose load in a child process last passed the health check. */
  private provenLoadable: string | null = null;
  /**
   * An addon found not to load (by the health check or a job): whisper is then unavailable with that
   * reason, so the automatic choice falls back to pocketsphinx. A reinstall restarts the app.
   */
  private unloadable: { file: string; reason: string } | null = null;

  constructor(private readonly o: WhisperEngineOptions) {
    this.name = `whisper:${o.model ? path.basename(o.model) : 'none'}`;
    this.modelCheck = new CachedProbe<Availability>(() => {
      if (!o.model) return { ok: false, reason: noWhisperModelReason };
      const c = checkModelFile(o.model);
      return c.ok ? { ok: true } : { ok: false, reason: c.reason };
    }, 10_000);
    this.bindingFile = new CachedProbe(() => findWhisperBinding(o.binding), 10_000);
  }

  /**
   * Once usable, a service: its breaker and health entry catch a crash-looping model, and recovery
   * restarts the workers that hold it. Its check reads the model file and loads the addon in a child
   * process, once while it passes (a decode would load the model into the engine process).
   */
  get service(): StageService | undefined {
    if (!this.availability().ok) return undefined;
    this.localService ??= {
      name: 'whisper',
      label: 'Speech recognition (whisper)',
      kind: 'local-engine',
      required: true,
      probe: async (signal) => {
        const a = this.availability();
        if (!a.ok) throw serviceError('ASR_UNAVAILABLE', a.reason);
        const b = this.bindingFile.get();
        if (!b.ok || this.provenLoadable === b.file) return;
        try {
          await checkWhisperBindingLoads(b, signal);
        } catch (err: unknown) {
          if (!signal.aborted) this.unloadable = { file: b.file, reason: (err as Error).message };
          throw err;
        }
        this.provenLoadable = b.file;
      },
    };
    return this.localService;
  }
  private localService: StageService | undefined;

  availability(): Availability {
    const m = this.modelCheck.get();
    if (!m.ok) return m;
    const b = this.bindingFile.get();
    if (!b.ok) return { ok: false, reason: b.reason };
    return this.unloadable?.file === b.file ? { ok: false, reason: this.unloadable.reason } : { ok: true };
  }

  private load(): Promise<WhisperContext> {
    if (!this.context) {
      const a = this.availability();
      if (!a.ok) return Promise.reject(serviceError('ASR_UNAVAILABLE', a.reason));
      const b = this.bindingFile.get();
      if (!b.ok) return Promise.reject(serviceError('ASR_UNAVAILABLE', b.reason));
      let addon: WhisperAddon;
      try {
        addon = this.addon ??= loadWhisperBinding(b);
      } catch (err: unknown) {
        this.unloadable = { file: b.file, reason: (err as Error).message };
        return Promise.reject(err);
      }
      const model = this.o.model!;
      this.context = Promise.resolve()
        .then(() => new addon.WhisperContext({ filePath: model, useGpu: false }))
        .catch((err: unknown) => {
          this.context = null;
          throw serviceError(
            'WHISPER_MODEL_INVALID',
            `whisper could not load the model ${model}: ${(err as Error).message}; download it again or pick another`,
            err,
          );
        });
    }
    return this.context;
  }

  async transcribe(audio: PcmAudio, options: TranscribeOptions): Promise<TranscriptSegment[]> {
    const ctx = await this.load();
    options.signal.throwIfAborted();
    // The binding reads the buffer as it is: hand it exactly the chunk's samples.
    const data = audio.samples.slice().buffer;
    const job = ctx.transcribeData(data, {
      language: this.o.language ?? 'en',
      maxThreads: this.o.threads ?? 2,
      temperature: 0,
      temperatureInc: 0,
      bestOf: 1,
    });
    const stop = () => void job.stop().catch(() => undefined);
    options.signal.addEventListener('abort', stop, { once: true });
    try {
      const r = await job.promise;
      options.signal.throwIfAborted();
      // whisper.cpp times are in centiseconds.
      return r.segments
        .map((s) => ({ start: s.t0 / 100, end: s.t1 / 100, text: cleanText(s.text) }))
        .filter((s) => s.text.length > 0);
    } catch (err: unknown) {
      options.signal.throwIfAborted();
      throw serviceError('ASR_ENGINE_FAILED', `whisper failed: ${(err as Error).message}`, err);
    } finally {
      options.signal.removeEventListener('abort', stop);
    }
  }

  async dispose(): Promise<void> {
    const c = this.context;
    this.context = null;
    if (c) await (await c.catch(() => null))?.release();
  }
}
