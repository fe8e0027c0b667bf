import type { TranscriptSegment } from '../../../src/shared/contract';
import { TranscriptsStore } from '../../../src/main/store/transcripts-store';
import { fakeItem, queueFixture } from '../../support/queue-fixture';
import type { LifelineServer } from './serve';

/**
 * A recording whose transcript is already stored (no audio behind it), waiting for the real engine
 * to extract and index it: the server is stopped meanwhile and started again. For screens whose
 * point is the memories, not the speech recognition.
 */
export async function seedTranscribedItem(
  lifeline: LifelineServer,
  fileName: string,
  segments: TranscriptSegment[],
): Promise<number> {
  await lifeline.stopServer();
  const f = queueFixture(lifeline.dataDir);
  try {
    // Relative dates ("tomorrow") resolve against when the item was added: now.
    f.clock.advance(Date.now() - f.clock.now());
    const { itemId } = f.queue.add(fakeItem(fileName));
    const transcripts = new TranscriptsStore(f.store.db);
    f.queue.finish(f.queue.claim('ingest', 'seed')!, { kind: 'succeeded' });
    const job = f.queue.claim('transcribe', 'seed')!;
    transcripts.savePlan(
      job,
      { sampleRate: 16_000, totalFrames: 16_000 * 20, chunks: [[0, 16_000 * 20]] },
      f.clock.now(),
    );
    transcripts.saveChunk(job, 0, segments, 'seeded', f.clock.now());
    f.queue.finish(job, { kind: 'succeeded' });
    return itemId;
  } finally {
    f.store.close();
    await lifeline.startServerAgain();
  }
}
