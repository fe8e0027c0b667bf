import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Memory, Transcript } from '../../src/shared/contract';
import { createLogger } from '../../src/main/log/logger';
import { ExtractStage } from '../../src/main/pipeline/extract/extract-stage';
import { RulesExtractor } from '../../src/main/pipeline/extract/rules-extractor';
import { addFiles } from '../../src/main/pipeline/intake/add-files';
import { pipelineStages } from '../../src/main/pipeline/pipeline-stages';
import { findExecutable } from '../../src/main/pipeline/system/find-executable';
import type { MemoriesStore } from '../../src/main/store/memories-store';
import type { TranscriptsStore } from '../../src/main/store/transcripts-store';
import { writeWav } from '../support/audio-files';
import { encodeAudio } from '../support/encode-audio';
import { engineFixture } from '../support/engine-fixture';
import { tempDir } from '../support/temp-dir';
import { waitFor } from '../support/wait-for';
import { stopEnginesAfterEach } from '../support/close-after-each';

const engines = stopEnginesAfterEach();

const ffmpeg = findExecutable('ffmpeg');

/** Items added from `files`, run through ingest (no transcription engine here, so they stop at transcribe). */
async function ingest(dir: string, files: string[]) {
  const f = engineFixture(path.join(dir, 'data'), {
    // Only ffmpeg (and the ffprobe beside it): no ASR engine is found.
    stages: (store) => pipelineStages(store, { env: { PATH: '', LIFELINE_FFMPEG: ffmpeg! } }),
  });
  engines.track(f);
  f.engine.start();
  const r = await addFiles(f.engine.queue, files, 0);
  f.engine.wake();
  const ids = r.added.map((a) => a.id);
  await waitFor(
    'every item to leave ingest',
    () => ids.every((id) => f.store.reads.summary(id)!.stage !== 'ingest'),
    30_000,
  );
  return ids.map((id) => f.store.reads.detail(id)!);
}

describe.skipIf(!ffmpeg)('the recording’s own time, read at ingest', () => {
  it('comes from an M4A’s creation_time tag, a Broadcast WAV’s origination date, an old file time, or else the time it was added', async () => {
    const dir = tempDir();
    const source = writeWav(path.join(dir, 'memo.wav'), { seconds: 1, seed: 1 });
    const tagged = encodeAudio(source, 'm4a', dir, ['-metadata', 'creation_time=2026-10-05T08:30:00Z'])!;
    const bwf = path.join(dir, 'field.wav');
    execFileSync('ffmpeg', [
      ...['-nostdin', '-v', 'error', '-y', '-i', writeWav(path.join(dir, 'b.wav'), { seconds: 1, seed: 2 })],
      ...['-write_bext', '1', '-metadata', 'origination_date=2026-09-14', '-metadata', 'origination_time=18:05:00'],
      bwf,
    ]);
    const old = writeWav(path.join(dir, 'old.wav'), { seconds: 1, seed: 3 });
    // A file time with a fraction of a millisecond, as file systems keep it.
    const oldSeconds = Date.UTC(2026, 7, 20, 7, 0) / 1000 + 0.1234567;
    fs.utimesSync(old, oldSeconds, oldSeconds);
    const oldTime = new Date(Math.round(fs.statSync(old).mtimeMs));
    // Neither metadata nor a believable file time (a recorder whose clock was never set).
    const plain = writeWav(path.join(dir, 'plain.wav'), { seconds: 1, seed: 4 });
    fs.utimesSync(plain, new Date(0), new Date(0));

    const before = Date.now();
    const [m4a, bext, file, none] = await ingest(dir, [tagged, bwf, old, plain]);
    expect(m4a).toMatchObject({ recordedAt: '2026-10-05T08:30:00.000Z', recordedFrom: 'metadata' });
    expect(m4a!.events.find((e) => e.type === 'succeeded')!.detail).toMatch(
      /; recorded 2026-10-05T08:30:00\.000Z \(from the file's creation_time tag\)$/,
    );
    // A WAV's origination date and time are local time.
    expect(bext).toMatchObject({
      recordedAt: new Date(2026, 8, 14, 18, 5).toISOString(),
      recordedFrom: 'metadata',
    });
    expect(file).toMatchObject({ recordedAt: oldTime.toISOString(), recordedFrom: 'file_time' });
    expect(none!.recordedFrom).toBe('added');
    expect(none!.recordedAt).toBe(none!.createdAt);
    expect(Date.parse(none!.recordedAt)).toBeGreaterThanOrEqual(before - 1000);
  });
});

describe('relative dates said in a recording', () => {
  it('resolve against the recording’s own time, not the time it was added', async () => {
    const recordedAt = new Date(2026, 9, 5, 9, 0).getTime(); // a Monday, weeks before it was added
    const saved: Memory[][] = [];
    const transcript: Transcript = {
      text: 'remind me to call alice tomorrow at three pm',
      segments: [{ start: 0, end: 3, text: 'remind me to call alice tomorrow at three pm' }],
    };
    const stage = new ExtractStage({
      transcripts: { transcript: () => transcript } as unknown as TranscriptsStore,
      memories: { replace: (_l: unknown, m: Memory[]) => void saved.push(m) } as unknown as MemoriesStore,
      extractor: new RulesExtractor(),
    });
    await stage.run({
      item: {
        id: 1,
        sourcePath: '/x.wav',
        fileName: 'x.wav',
        sha256: '00',
        storedPath: '/x.wav',
        createdAt: Date.now(),
        recordedAt,
      },
      lease: { itemId: 1, token: 1 },
      attempt: 1,
      paths: { dataDir: '/', database: '/', audio: '/', logs: '/', tmp: '/' },
      signal: new AbortController().signal,
      progress: () => undefined,
      log: createLogger(null, 'test'),
    });
    const call = saved[0]!.find((m) => m.kind === 'todo')!;
    expect(new Date(call.at!).getTime()).toBe(new Date(2026, 9, 6, 15, 0).getTime());
  });
});
