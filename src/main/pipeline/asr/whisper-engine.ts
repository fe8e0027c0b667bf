import path from 'node:path';
import type { TranscriptSegment } from '../../../shared/contract';
import type { PcmAudio } from '../audio/pcm-audio';
import { serviceError } from '../../engine/stage-error';
import type { Availability, StageService } from '../../engine/stage-handler';
import { CachedProbe } from '../system/find-executable';
import { cleanText, type AsrEngine, type TranscribeOptions } from './asr-engine';
import { checkModelFile } from './whisper-model-file';

/** The part of @fugood/whisper.node's API Lifeline uses (its shipped typings point at a missing file). */
interface WhisperContext {
  transcribeData(
    audio: ArrayBuffer,
    options: {
      language?: string;
      maxThreads?: number;
      temperature?: number;
      temperatureInc?: number;
      bestOf?: number;
      beamSize?: number;
    },
  ): {
    stop(): Promise<void>;
    promise: Promise<{ result: string; segments: { text: string; t0: number; t1: number }[]; isAborted: boolean }>;
  };
  release(): Promise<void>;
}
interface WhisperBinding {
  initWhisper(options: { filePath: string; useGpu?: boolean }, variant?: 'default'): Promise<WhisperContext>;
}

export const noWhisperModelReason =
  'no whisper model: download one in Settings → Speech models (or lifeline models download base), or set LIFELINE_WHISPER_MODEL to a ggml .bin file';

export interface WhisperEngineOptions {
  /** Model path, or null when none is installed (the engine is then unavailable with the reason). */
  model: string | null;
  /** Default "en". */
  language?: string;
  /** CPU threads for one transcription. Default 2. */
  threads?: number;
}

/**
 * whisper.cpp in this process through the @fugood/whisper.node prebuilt binding (CPU build only).
 * The model is loaded on first use and kept; a missing or corrupt model makes the engine
 * unavailable with the reason, never a crash.
 */
export class WhisperEngine implements AsrEngine {
  readonly name: string;
  private context: Promise<WhisperContext> | null = null;
  private readonly modelCheck: CachedProbe<Availability>;
  private readonly binding = new CachedProbe<{ ok: true; binding: WhisperBinding } | { ok: false; reason: string }>(
    () => {
      try {
        return { ok: true, binding: require('@fugood/whisper.node') as WhisperBinding };
      } catch (err: unknown) {
        return {
          ok: false,
          reason: `the whisper binding (@fugood/whisper.node) cannot load on this platform: ${(err as Error).message}`,
        };
      }
    },
    Infinity,
  );

  constructor(private readonly o: WhisperEngineOptions) {
    this.name = `whisper:${o.model ? path.basename(o.model) : 'none'}`;
    this.modelCheck = new CachedProbe<Availability>(() => {
      if (!o.model) return { ok: false, reason: noWhisperModelReason };
      const c = checkModelFile(o.model);
      return c.ok ? { ok: true } : { ok: false, reason: c.reason };
    }, 10_000);
  }

  /**
   * Once usable, a service: its breaker and health entry catch a crash-looping model, and recovery
   * restarts the workers that hold it. Its check reads the model file and loads the binding (a
   * decode would load the model into the engine process too).
   */
  get service(): StageService | undefined {
    if (!this.availability().ok) return undefined;
    this.localService ??= {
      name: 'whisper',
      label: 'Speech recognition (whisper)',
      kind: 'local-engine',
      required: true,
      probe: () => {
        const a = this.availability();
        return a.ok ? Promise.resolve() : Promise.reject(serviceError('ASR_UNAVAILABLE', a.reason));
      },
    };
    return this.localService;
  }
  private localService: StageService | undefined;

  availability(): Availability {
    const m = this.modelCheck.get();
    if (!m.ok) return m;
    const b = this.binding.get();
    return b.ok ? { ok: true } : { ok: false, reason: b.reason };
  }

  private load(): Promise<WhisperContext> {
    if (!this.context) {
      const a = this.availability();
      if (!a.ok) return Promise.reject(serviceError('ASR_UNAVAILABLE', a.reason));
      const b = this.binding.get();
      if (!b.ok) return Promise.reject(serviceError('ASR_UNAVAILABLE', b.reason));
      const model = this.o.model!;
      this.context = b.binding.initWhisper({ filePath: model, useGpu: false }, 'default').catch((err: unknown) => {
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
