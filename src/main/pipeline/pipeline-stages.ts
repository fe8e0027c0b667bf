import path from 'node:path';
import type { Store } from '../store/store';
import { MemoriesStore } from '../store/memories-store';
import { RerunOutputs } from '../store/rerun-outputs';
import { SearchStore } from '../store/search-store';
import { TranscriptsStore } from '../store/transcripts-store';
import type { AsrEngine } from './asr/asr-engine';
import { chooseAsrEngine } from './asr/choose-asr-engine';
import { audioDecoding, decoderConfig } from './audio/decoder-config';
import { chooseExtractor } from './extract/choose-extractor';
import { ExtractStage } from './extract/extract-stage';
import { IndexStage } from './index/index-stage';
import { IngestStage } from './ingest/ingest-stage';
import { findFfprobe } from './ingest/recording-time';
import { engineSettings } from './engine-settings';
import type { MemoryExtractor } from './extract/memory-extractor';
import { SettingsBound } from './settings-bound';
import type { StageHandler } from '../engine/stage-handler';
import { TranscribeStage } from './transcribe/transcribe-stage';

export interface PipelineOptions {
  /** Engine settings (LIFELINE_ASR_*, LIFELINE_LLM_*, …). Default process.env. */
  env?: NodeJS.ProcessEnv;
  /** Where downloaded whisper models live. Default `models/` beside the store's database. */
  modelsDir?: string;
}

/**
 * The pipeline as this build runs it, in stage order: ingest → transcribe → extract → index. Built
 * from the store and the environment alone, so any process (the engine, a worker) can build it.
 * The engines follow the settings (environment > stored > default): a change reaches the next job.
 */
export function pipelineStages(store: Store, options: PipelineOptions = {}): StageHandler[] {
  const env = options.env ?? process.env;
  const modelsDir = options.modelsDir ?? path.join(path.dirname(store.db.name), 'models');
  const decoding = decoderConfig(env);
  const decode = audioDecoding(decoding);
  // The stages see a re-run's new outputs; screens keep the old ones until the index stage publishes them.
  const transcripts = new TranscriptsStore(store.db, 'pipeline');
  const memories = new MemoriesStore(store.db, 'pipeline');
  const reruns = new RerunOutputs(store.db, transcripts, memories);
  const search = new SearchStore(store.db, { beforeReplace: (itemId) => reruns.publish(itemId, Date.now()) });
  const chunkSec = Number(env.LIFELINE_CHUNK_SECONDS) > 0 ? Number(env.LIFELINE_CHUNK_SECONDS) : undefined;
  const revision = () => store.settings.revision();
  const choice = (pick: (s: ReturnType<typeof engineSettings>) => unknown) => {
    const stored = store.settings.all();
    return { stored, key: JSON.stringify(pick(engineSettings(env, stored))) };
  };
  const asr = new SettingsBound<AsrEngine>({
    revision,
    read: () => {
      const c = choice((s) => [s.asrEngine, s.asrUrl, s.asrModel, s.asrLanguage, s.asrLanguageModel, s.whisperModel]);
      return { key: c.key, build: () => chooseAsrEngine(env, modelsDir, c.stored) };
    },
    // A worker runs one job at a time and picks its engine when the job starts, so nothing uses the old one.
    retire: (old) => void old.dispose?.().catch(() => undefined),
  });
  const extractor = new SettingsBound<MemoryExtractor>({
    revision,
    read: () => {
      const c = choice((s) => [s.llmEngine, s.llmUrl, s.llmModel]);
      return { key: c.key, build: () => chooseExtractor(env, c.stored) };
    },
  });
  return [
    new IngestStage(store.files, {
      decode,
      maxSeconds: decoding.maxSeconds,
      ffprobe: findFfprobe(decoding.ffmpeg, env),
    }),
    new TranscribeStage({ transcripts, engine: () => asr.get(), decode, chunkSec }),
    new ExtractStage({ transcripts, memories, extractor: () => extractor.get() }),
    new IndexStage({ transcripts, memories, search }),
  ];
}
