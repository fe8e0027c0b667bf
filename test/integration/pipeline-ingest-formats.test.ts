import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { addFiles } from '../../src/main/pipeline/intake/add-files';
import { pipelineStages } from '../../src/main/pipeline/pipeline-stages';
import { findExecutable } from '../../src/main/pipeline/system/find-executable';
import { writeBrokenAudio, writeWav } from '../support/audio-files';
import { encodeAudio, type TestFormat } from '../support/encode-audio';
import { engineFixture } from '../support/engine-fixture';
import { tempDir } from '../support/temp-dir';
import { waitFor } from '../support/wait-for';
import { stopEnginesAfterEach } from '../support/close-after-each';

const engines = stopEnginesAfterEach();

describe.skipIf(!findExecutable('ffmpeg'))('the ingest stage with every supported format', () => {
  it('accepts WAV, MP3, Ogg/Opus, FLAC and M4A and describes each, then waits at transcribe', async () => {
    const dir = tempDir();
    // No transcription engine on this "machine", so items stop after ingest.
    const f = engineFixture(path.join(dir, 'data'), {
      stages: (store) => pipelineStages(store, { env: { PATH: '' } }),
    });
    engines.track(f);
    f.engine.start();
    const source = writeWav(path.join(dir, 'memo.wav'), { seconds: 2, rate: 44100, channels: 2 });
    const formats: TestFormat[] = ['mp3', 'opus', 'flac', 'm4a'];
    const files = [source, ...formats.map((fmt) => encodeAudio(source, fmt, dir)!)];
    const bad = writeBrokenAudio(path.join(dir, 'notes.flac'), 'not a flac at all');
    const r = await addFiles(f.engine.queue, [...files, bad], 0);
    f.engine.wake();
    const ids = r.added.map((a) => a.id);
    await waitFor(
      'every item to leave ingest',
      () =>
        ids.every((id) => f.store.reads.summary(id)!.stage !== 'ingest' || f.store.reads.summary(id)!.state === 'dead'),
      30_000,
    );
    for (const id of ids.slice(0, files.length)) {
      const d = f.store.reads.detail(id)!;
      expect(d.stage, `${d.fileName}: ${d.error?.message}`).toBe('transcribe');
      expect(d.events.find((e) => e.type === 'succeeded')!.detail).toMatch(/2\.0 s of (44100|48000) Hz/);
    }
    const dead = f.store.reads.summary(ids.at(-1)!)!;
    expect(dead.state).toBe('dead');
    expect(dead.error!.code).toBe('AUDIO_UNDECODABLE');
  });
});
