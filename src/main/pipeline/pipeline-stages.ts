import type { Store } from '../store/store';
import { IngestStage } from './ingest/ingest-stage';
import type { StageHandler } from './stage-handler';
import { UnavailableStage } from './unavailable-stage';

/** The pipeline as this build runs it, in stage order: ingest → transcribe → extract → index. */
export function pipelineStages(store: Store): StageHandler[] {
  return [
    new IngestStage(store.files),
    new UnavailableStage('transcribe', 'no transcription engine configured'),
    new UnavailableStage('extract', 'no memory extractor configured'),
    new UnavailableStage('index', 'no search index configured'),
  ];
}
