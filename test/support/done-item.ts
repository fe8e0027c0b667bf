import type { Memory, TranscriptSegment } from '../../src/shared/contract';
import type { StageContext } from '../../src/main/engine/stage-handler';
import { IndexStage } from '../../src/main/pipeline/index/index-stage';
import type { ClaimedJob } from '../../src/main/queue/queue-store';
import { MemoriesStore } from '../../src/main/store/memories-store';
import { RerunOutputs } from '../../src/main/store/rerun-outputs';
import { SearchStore } from '../../src/main/store/search-store';
import { TranscriptsStore } from '../../src/main/store/transcripts-store';
import { fakeItem, type queueFixture } from './queue-fixture';

type Fixture = ReturnType<typeof queueFixture>;

/**
 * The stage outputs as the pipeline writes them (its view: a re-run's outputs kept apart until the
 * index stage publishes them), for tests that drive the queue by hand instead of running ASR.
 */
export function pipelineOutputs(f: Fixture) {
  const transcripts = new TranscriptsStore(f.store.db, 'pipeline');
  const memories = new MemoriesStore(f.store.db, 'pipeline');
  const reruns = new RerunOutputs(f.store.db, transcripts, memories);
  const search = new SearchStore(f.store.db, { beforeReplace: (id) => reruns.publish(id, f.clock.now()) });
  const index = new IndexStage({ transcripts, memories, search });
  const claim = (stage: ClaimedJob['stage']) => {
    const job = f.queue.claim(stage, 'test');
    if (!job) throw new Error(`no ${stage} job to claim`);
    return job;
  };
  const succeed = (job: ClaimedJob) => {
    if (!f.queue.finish(job, { kind: 'succeeded' })) throw new Error(`item ${job.itemId}: lost its lease`);
  };
  return {
    transcripts,
    memories,
    claim,
    succeed,
    transcribe(segments: TranscriptSegment[]) {
      const job = claim('transcribe');
      transcripts.savePlan(
        job,
        { sampleRate: 16_000, totalFrames: 16_000 * 60, chunks: [[0, 16_000 * 60]] },
        f.clock.now(),
      );
      transcripts.saveChunk(job, 0, segments, 'test-asr', f.clock.now());
      succeed(job);
    },
    extract(list: Memory[]) {
      const job = claim('extract');
      memories.replace(job, list, 'test-rules');
      succeed(job);
    },
    /** Runs the index stage; resolves with what it says it did (the timeline's words). */
    async index() {
      const job = claim('index');
      const said = await index.run({ item: { id: job.itemId }, lease: job } as unknown as StageContext);
      succeed(job);
      return said;
    },
  };
}

/** A recording taken through every stage with this transcript and these memories: a done item. */
export async function doneItem(
  f: Fixture,
  name: string,
  segments: TranscriptSegment[],
  memories: Memory[],
): Promise<number> {
  const out = pipelineOutputs(f);
  const added = f.queue.add(fakeItem(name));
  out.succeed(out.claim('ingest'));
  out.transcribe(segments);
  out.extract(memories);
  await out.index();
  return added.itemId;
}
