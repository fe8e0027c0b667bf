import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { noAsrEngineReason } from '../../src/main/pipeline/asr/choose-asr-engine';
import { addFiles } from '../../src/main/pipeline/intake/add-files';
import { pipelineStages } from '../../src/main/pipeline/pipeline-stages';
import type { StageHandler } from '../../src/main/engine/stage-handler';
import { writeBrokenAudio, writeWav } from '../support/audio-files';
import { engineFixture } from '../support/engine-fixture';
import { tempDir } from '../support/temp-dir';
import { waitFor } from '../support/wait-for';
import { stopEnginesAfterEach } from '../support/close-after-each';

const engines = stopEnginesAfterEach();

function start(dir: string, opts?: Parameters<typeof engineFixture>[1]) {
  const f = engineFixture(dir, opts);
  engines.track(f);
  f.engine.start();
  return f;
}

describe('engine with the real ingest stage', () => {
  it('copies a WAV into the store, checks it, and waits at transcribe with the reason shown', async () => {
    const dir = tempDir();
    // A machine with no transcription engine at all: nothing on PATH, no whisper model.
    const f = start(path.join(dir, 'data'), { stages: (store) => pipelineStages(store, { env: { PATH: '' } }) });
    const wav = writeWav(path.join(dir, 'memo.wav'), { seconds: 2 });
    const r = await addFiles(f.engine.queue, [wav], 0);
    f.engine.wake();
    const id = r.added[0]!.id;
    const item = await waitFor('item to reach transcribe', () => {
      const s = f.store.reads.summary(id)!;
      return s.stage === 'transcribe' && s.state === 'waiting' && s;
    });
    expect(item.waitReason).toBe(noAsrEngineReason);
    const detail = f.store.reads.detail(id)!;
    expect(detail.storedPath).toMatch(new RegExp(`audio/${item.sha256.slice(0, 2)}/${item.sha256}\\.wav$`));
    expect(fs.readFileSync(detail.storedPath!)).toEqual(fs.readFileSync(wav));
    expect(detail.events.find((e) => e.type === 'succeeded')!.detail).toContain('2.0 s of 16000 Hz');
    // The size in the words the item's Size uses (64,044 bytes: 63 KB), not "0.1 MB".
    expect(detail.events.find((e) => e.type === 'succeeded')!.detail).toMatch(/^stored 63 KB; /);
  });

  it('adds one valid WAV twice as one item', async () => {
    const dir = tempDir();
    const f = start(path.join(dir, 'data'));
    const wav = writeWav(path.join(dir, 'memo.wav'), { seconds: 1 });
    const copy = path.join(dir, 'copy of memo.wav');
    fs.copyFileSync(wav, copy);
    const r = await addFiles(f.engine.queue, [wav, copy], 0);
    expect(r.added).toHaveLength(1);
    expect(r.duplicates).toEqual([{ id: r.added[0]!.id, file: copy }]);
    expect(f.store.reads.overview().items).toBe(1);
  });

  it('turns a text file renamed .wav into a dead letter with AUDIO_UNDECODABLE, keeping its copy, and leaves other items alone', async () => {
    const dir = tempDir();
    const f = start(path.join(dir, 'data'));
    const bad = writeBrokenAudio(path.join(dir, 'groceries.wav'));
    const good = writeWav(path.join(dir, 'memo.wav'), { seconds: 1 });
    const r = await addFiles(f.engine.queue, [bad, good], 0);
    f.engine.wake();
    const [badId, goodId] = r.added.map((a) => a.id);
    const dead = await waitFor('dead letter', () => {
      const s = f.store.reads.summary(badId!)!;
      return s.state === 'dead' && s;
    });
    expect(dead.error!.code).toBe('AUDIO_UNDECODABLE');
    expect(dead.error!.message).toContain('groceries.wav');
    expect(dead.attempts).toBe(1);
    const stored = f.store.reads.detail(badId!)!.storedPath!;
    expect(fs.readFileSync(stored, 'utf8')).toBe(fs.readFileSync(bad, 'utf8'));
    await waitFor('good item to pass ingest', () => f.store.reads.summary(goodId!)!.stage === 'transcribe');
  });

  it('refuses a 0-byte file at the door, and a stored copy that is empty becomes AUDIO_EMPTY, as docs/pipeline.md says', async () => {
    const dir = tempDir();
    const f = start(path.join(dir, 'data'));
    const empty = path.join(dir, 'nothing.wav');
    fs.writeFileSync(empty, '');
    const refused = await addFiles(f.engine.queue, [empty], 0);
    expect(refused.rejected).toEqual([
      { file: empty, code: 'NOT_AUDIO', message: 'nothing.wav is not audio: the file is empty (0 bytes)' },
    ]);
    // A file emptied after it passed the door (or an item from an older version) is ingest's to catch.
    const sha256 = crypto.createHash('sha256').update('').digest('hex');
    const { itemId: id } = f.engine.queue.add({
      sha256,
      sourcePath: empty,
      fileName: 'nothing.wav',
      sizeBytes: 0,
      priority: 0,
    });
    f.engine.wake();
    const dead = await waitFor(
      'dead letter',
      () => f.store.reads.summary(id)!.state === 'dead' && f.store.reads.summary(id)!,
    );
    expect(dead.error).toEqual({ code: 'AUDIO_EMPTY', message: 'nothing.wav is an empty file (0 bytes)' });
  });

  it('rejects a file that does not exist without storing anything', async () => {
    const dir = tempDir();
    const f = start(path.join(dir, 'data'));
    const r = await addFiles(f.engine.queue, [path.join(dir, 'nope.wav')], 0);
    expect(r.rejected).toEqual([
      {
        file: path.join(dir, 'nope.wav'),
        code: 'FILE_NOT_FOUND',
        message: `${path.join(dir, 'nope.wav')} does not exist`,
      },
    ]);
    expect(f.store.reads.overview().items).toBe(0);
  });

  it('makes a dead letter with SOURCE_MISSING when the file vanished before ingest', async () => {
    const dir = tempDir();
    const f = engineFixture(path.join(dir, 'data'));
    engines.track(f);
    const wav = writeWav(path.join(dir, 'memo.wav'), { seconds: 1 });
    const id = (await addFiles(f.engine.queue, [wav], 0)).added[0]!.id;
    fs.rmSync(wav);
    f.engine.start();
    const s = await waitFor(
      'dead letter',
      () => f.store.reads.summary(id)!.state === 'dead' && f.store.reads.summary(id)!,
    );
    expect(s.error!.code).toBe('SOURCE_MISSING');
  });

  it('recovers, before claiming anything, a job left running by a process that is gone', async () => {
    const dir = tempDir();
    const f = engineFixture(path.join(dir, 'data'));
    engines.track(f);
    const wav = writeWav(path.join(dir, 'memo.wav'), { seconds: 1 });
    const id = (await addFiles(f.engine.queue, [wav], 0)).added[0]!.id;
    // A previous process (a pid that does not exist) claimed it and died.
    f.engine.queue.claim('ingest', `${os.hostname()}:2147483000:1`);
    const recovered = f.engine.start();
    expect(recovered).toEqual([
      {
        itemId: id,
        stage: 'ingest',
        rule: 'worker_gone',
        why: `worker process gone (its process ${os.hostname()}:2147483000:1 is gone)`,
        strategy: 'restart',
        result: 'requeued',
      },
    ]);
    expect(f.store.recoveryLog.forItem(id)).toMatchObject([
      { rule: 'worker_gone', strategy: 'restart', outcome: 'requeued', trigger: 'startup' },
    ]);
    await waitFor('item to pass ingest', () => f.store.reads.summary(id)!.stage === 'transcribe');
    const types = f.store.reads.detail(id)!.events.map((e) => e.type);
    expect(types.slice(0, 5)).toEqual(['added', 'started', 'recovered', 'started', 'succeeded']);
  });

  it('on a graceful stop lets a short job finish and releases a long one, attempt refunded', async () => {
    const dir = tempDir();
    let release: () => void = () => {};
    const slow: StageHandler = {
      stage: 'ingest',
      availability: () => ({ ok: true }),
      run: (ctx) =>
        new Promise((resolve, reject) => {
          if (ctx.item.fileName === 'quick.wav') setTimeout(resolve, 100);
          release = () => resolve('done');
          ctx.signal.addEventListener('abort', () => reject(new Error('aborted')));
        }),
    };
    const f = engineFixture(path.join(dir, 'data'), {
      stages: () => [slow],
      config: { concurrency: { ingest: 2, transcribe: 1, extract: 1, index: 1 } },
    });
    engines.track(f);
    const quick = (await addFiles(f.engine.queue, [writeWav(path.join(dir, 'quick.wav'), { seconds: 0.1 })], 0))
      .added[0]!.id;
    const long = (await addFiles(f.engine.queue, [writeWav(path.join(dir, 'long.wav'), { seconds: 0.2 })], 0)).added[0]!
      .id;
    f.engine.start();
    await waitFor('both running', () => f.engine.queue.leases.all().length === 2);
    const r = await f.engine.stop(500);
    expect(r).toEqual({ finished: 1, released: 1 });
    expect(f.store.reads.summary(quick)!.state).toBe('done');
    expect(f.store.reads.summary(long)).toMatchObject({ state: 'queued', attempts: 0 });
    expect(f.store.reads.detail(long)!.events.at(-1)).toMatchObject({ type: 'released' });
    release();
  });
});
