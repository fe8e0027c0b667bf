import type { TranscriptSegment } from '../../../shared/contract';
import type { PcmAudio } from '../audio/pcm-audio';
import { serviceError } from '../../engine/stage-error';
import type { Availability } from '../../engine/stage-handler';
import type { AsrEngine, TranscribeOptions } from './asr-engine';
import { HttpAsrEngine } from './http-asr-engine';
import { PocketsphinxEngine } from './pocketsphinx-engine';
import { chosenLanguageModel } from './pocketsphinx-language-model';
import { WhisperEngine } from './whisper-engine';
import { asrLanguageModelChoices } from '../../../shared/contract';
import { engineSettings } from '../engine-settings';
import { whisperModelFile } from './whisper-models';

export const asrEngineNames = ['whisper', 'pocketsphinx', 'openai', 'whisper-server'] as const;
export type AsrEngineName = (typeof asrEngineNames)[number];

export const noAsrEngineReason =
  'no transcription engine: install pocketsphinx, or download a whisper model (Settings → Speech models, or lifeline models download base)';

/** Whisper when a model is present, else pocketsphinx when installed; otherwise unavailable with the fix. */
export class AutoAsrEngine implements AsrEngine {
  constructor(private readonly candidates: readonly AsrEngine[]) {}
  private pick(): AsrEngine | undefined {
    return this.candidates.find((e) => e.availability().ok);
  }
  get name(): string {
    return this.pick()?.name ?? 'none';
  }
  get service() {
    return this.pick()?.service;
  }
  availability(): Availability {
    return this.pick() ? { ok: true } : { ok: false, reason: noAsrEngineReason };
  }
  transcribe(audio: PcmAudio, options: TranscribeOptions): Promise<TranscriptSegment[]> {
    const engine = this.pick();
    if (!engine) return Promise.reject(serviceError('ASR_UNAVAILABLE', noAsrEngineReason));
    return engine.transcribe(audio, options);
  }
  async dispose(): Promise<void> {
    for (const e of this.candidates) await e.dispose?.();
  }
}

class MisconfiguredEngine implements AsrEngine {
  readonly name = 'none';
  constructor(private readonly reason: string) {}
  availability(): Availability {
    return { ok: false, reason: this.reason };
  }
  transcribe(): Promise<never> {
    return Promise.reject(serviceError('ASR_UNAVAILABLE', this.reason));
  }
}

/**
 * The transcription engine named by the `asr.engine` setting ($LIFELINE_ASR_ENGINE wins over the
 * stored value): whisper | pocketsphinx | openai | whisper-server, or the automatic choice when
 * "auto"; pocketsphinx decodes with the model `asr.languageModel` names. `modelsDir` is where downloaded whisper models live; `stored` is the settings table.
 * The API key only ever comes from $LIFELINE_ASR_KEY.
 */
export function chooseAsrEngine(
  env: NodeJS.ProcessEnv,
  modelsDir: string,
  stored?: ReadonlyMap<string, unknown>,
): AsrEngine {
  const s = engineSettings(env, stored);
  const choice = s.asrEngine;
  const whisper = () =>
    new WhisperEngine({
      model: whisperModelFile(s.whisperModel, modelsDir),
      language: s.asrLanguage || undefined,
      threads: env.LIFELINE_WHISPER_THREADS ? Number(env.LIFELINE_WHISPER_THREADS) : undefined,
    });
  const http = (flavour: 'openai' | 'whisper-server') =>
    new HttpAsrEngine({
      flavour,
      url: s.asrUrl || undefined,
      apiKey: env.LIFELINE_ASR_KEY || undefined,
      model: s.asrModel || undefined,
      language: s.asrLanguage || undefined,
    });
  const pocketsphinx = (): AsrEngine => {
    const languageModel = chosenLanguageModel(s.asrLanguageModel);
    return languageModel
      ? new PocketsphinxEngine({ env, languageModel })
      : new MisconfiguredEngine(
          `asr.languageModel (LIFELINE_ASR_LANGUAGE_MODEL) "${s.asrLanguageModel}" is not a language model; use one of ${asrLanguageModelChoices.join(', ')}`,
        );
  };
  switch (choice) {
    case 'auto':
      return new AutoAsrEngine([whisper(), pocketsphinx()]);
    case 'whisper':
      return whisper();
    case 'pocketsphinx':
      return pocketsphinx();
    case 'openai':
    case 'whisper-server':
      return http(choice);
    default:
      return new MisconfiguredEngine(
        `asr.engine (LIFELINE_ASR_ENGINE) "${choice}" is not an engine; use one of auto, ${asrEngineNames.join(', ')}`,
      );
  }
}
