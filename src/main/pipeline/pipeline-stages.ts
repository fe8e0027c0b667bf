import path from 'node:path';
import type { Store } from '../store/store';
import { MemoriesStore } from '../store/memories-store';
import { SearchStore } from '../store/search-store';
import { TranscriptsStore } from '../store/transcripts-store';
import { chooseAsrEngine } from './asr/choose-asr-engine';
import { audioDecoder, decoderConfig } from './audio/decoder-config';
import { chooseExtractor } from './extract/choose-extractor';
import { ExtractStage } from './extract/extract-stage';
import { IndexStage } from './index/index-stage';
import { IngestStage } from './ingest/ingest-stage';
import type { StageHandler } from './stage-handler';
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
 */
export function pipelineStages(store: Store, options: PipelineOptions = {}): StageHandler[] {
  const env = options.env ?? process.env;
  const modelsDir = options.modelsDir ?? path.join(path.dirname(store.db.name), 'models');
  const decoding = decoderConfig(env);
  const decode = audioDecoder(decoding);
  const transcripts = new TranscriptsStore(store.db);
  const memories = new MemoriesStore(store.db);
  const search = new SearchStore(store.db);
  const chunkSec = Number(env.LIFELINE_CHUNK_SECONDS) > 0 ? Number(env.LIFELINE_CHUNK_SECONDS) : undefined;
  return [
    new IngestStage(store.files, { decode, maxSeconds: decoding.maxSeconds }),
    new TranscribeStage({ transcripts, engine: chooseAsrEngine(env, modelsDir), decode, chunkSec }),
    new ExtractStage({ transcripts, memories, extractor: chooseExtractor(env) }),
    new IndexStage({ transcripts, memories, search }),
  ];
}
