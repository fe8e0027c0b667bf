import path from 'node:path';
import type { Progress } from '../../src/shared/contract';
import type { StageContext } from '../../src/main/engine/stage-handler';
import { createLogger } from '../../src/main/log/logger';
import { TranscriptsStore } from '../../src/main/store/transcripts-store';
import { writeWav } from './audio-files';
import { queueFixture } from './queue-fixture';
import { tempDir } from './temp-dir';

/**
 * A WAV of `seconds` added and claimed, with the stage context a transcribe stage runs in (progress
 * collected, its abort controller at hand) and the transcripts store; `track` closes the store later.
 */
export function transcribeStageFixture(seconds: number, track: (f: ReturnType<typeof queueFixture>) => void) {
  const dir = tempDir();
  const f = queueFixture(path.join(dir, 'data'));
  track(f);
  const wav = writeWav(path.join(dir, 'memo.wav'), { seconds });
  const sha256 = 'ab'.repeat(32);
  const { itemId } = f.queue.add({ sha256, sourcePath: wav, fileName: 'memo.wav', sizeBytes: 1, priority: 0 });
  const job = f.queue.claim('ingest', 'test')!;
  const progress: Progress[] = [];
  const ac = new AbortController();
  const ctx: StageContext = {
    item: {
      id: itemId,
      sourcePath: wav,
      fileName: 'memo.wav',
      sha256,
      storedPath: wav,
      createdAt: 0,
      recordedAt: 0,
    },
    lease: { itemId, token: job.token },
    attempt: 1,
    paths: f.paths,
    signal: ac.signal,
    progress: (p) => progress.push(p),
    log: createLogger(null, 'test'),
  };
  return { f, job, ctx, progress, ac, transcripts: new TranscriptsStore(f.store.db), id: itemId, dir };
}
