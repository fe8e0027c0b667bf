import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isStageError, serviceError } from '../../src/main/engine/stage-error';
import type { AsrEngine } from '../../src/main/pipeline/asr/asr-engine';
import { PocketsphinxEngine } from '../../src/main/pipeline/asr/pocketsphinx-engine';
import { findExecutable } from '../../src/main/pipeline/system/find-executable';
import { audioDecoding } from '../../src/main/pipeline/audio/decoder-config';
import { TranscribeStage } from '../../src/main/pipeline/transcribe/transcribe-stage';
import { transcribeStageFixture } from '../support/transcribe-stage-fixture';

const open: { store: { close(): void } }[] = [];
afterEach(() => {
  for (const f of open.splice(0)) f.store.close();
});

const silence = 16000 / 4;

/**
 * An engine that knows each chunk by its first samples (numbered in the order first seen, across
 * runs) and times out on the `bad` ones every time, as a server that hangs on one stretch of audio
 * would; its real-work check (a moment of silence) passes unless `down`.
 */
function engineHangingOn(bad: number[]) {
  const seen = new Map<string, number>();
  const calls = { parts: [] as number[], checks: 0, down: false };
  const engine: AsrEngine = {
    name: 'hangs-on-a-part',
    availability: () => ({ ok: true }),
    transcribe(audio) {
      if (audio.samples.length === silence) {
        calls.checks++;
        return calls.down ? Promise.reject(serviceError('ASR_UNREACHABLE', 'refused')) : Promise.resolve([]);
      }
      const key = Array.from(audio.samples.subarray(0, 64)).join(',');
      if (!seen.has(key)) seen.set(key, seen.size + 1);
      const n = seen.get(key)!;
      calls.parts.push(n);
      if (bad.includes(n) || calls.down)
        return Promise.reject(serviceError('ASR_TIMEOUT', 'the whisper server did not answer in time'));
      return Promise.resolve([{ start: 0.5, end: 1, text: `part ${n}` }]);
    },
  };
  return { engine, calls };
}

function setup(seconds: number, chunkSec?: number) {
  const s = transcribeStageFixture(seconds, (f) => open.push(f));
  const stage = (engine: AsrEngine) =>
    new TranscribeStage({
      transcripts: s.transcripts,
      engine,
      decode: audioDecoding({ ffmpeg: null, maxSeconds: 3600 }),
      chunkSec,
    });
  return { ...s, stage };
}

async function failure(p: Promise<unknown>) {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  if (!isStageError(err)) throw new Error(`expected a StageError, got ${String(err)}`);
  return err;
}

describe('a part of the audio that keeps failing', () => {
  it('is tried 3 times, then the other parts are transcribed and stored, and the item ends naming the part and what is kept', async () => {
    const s = setup(155);
    const { engine, calls } = engineHangingOn([2]);
    const err = await failure(s.stage(engine).run(s.ctx));
    expect(err).toMatchObject({ code: 'PART_FAILED', permanent: true, serviceFault: false });
    expect(err.message).toMatch(
      /^chunk 2 of 5 \(0:\d\d–1:\d\d of the audio\) could not be transcribed; the other 4 parts are stored\. It timed out 3 times while the transcription engine answered its check, the last time: the whisper server did not answer in time$/,
    );
    // Three tries of the bad part, each followed by a check, then every later part once.
    expect(calls.parts).toEqual([1, 2, 2, 2, 3, 4, 5]);
    expect(calls.checks).toBe(3);
    expect(s.transcripts.chunks(s.id).map((c) => c.index)).toEqual([0, 2, 3, 4]);
    // Each try is a new step, so a part tried again is never taken for a stall.
    const steps = s.progress.map((p) => p.step);
    expect(steps.filter((x) => x.startsWith('try_'))).toEqual(['try_2_of_3', 'try_3_of_3']);
    // Once the part is set aside, the steps are back to transcribing.
    expect(steps[steps.indexOf('try_3_of_3') + 1]).toBe('transcribe');
  });

  it('is the only part a Retry transcribes, and the item completes once it works', async () => {
    const s = setup(155);
    const bad = engineHangingOn([2]);
    await failure(s.stage(bad.engine).run(s.ctx));
    const fixed = engineHangingOn([]);
    const detail = await s.stage(fixed.engine).run(s.ctx);
    expect(fixed.calls.parts).toEqual([1]);
    expect(detail).toContain('(4 kept from an earlier attempt)');
    expect(s.transcripts.chunks(s.id)).toHaveLength(5);
  });

  it('names every failed part when more than one fails', async () => {
    const s = setup(155);
    const { engine } = engineHangingOn([2, 4]);
    const err = await failure(s.stage(engine).run(s.ctx));
    expect(err.message).toMatch(
      /^2 parts could not be transcribed: chunk 2 of 5 \(.*\) and chunk 4 of 5 \(.*\); the other 3 parts are stored\. Chunk 2 timed out 3 times .*\. Chunk 4 timed out 3 times .*$/,
    );
  });

  it('stays the service’s fault when the check after the timeout fails too: the stage stops at once and no part is set aside', async () => {
    const s = setup(155);
    const { engine, calls } = engineHangingOn([]);
    calls.down = true;
    const err = await failure(s.stage(engine).run(s.ctx));
    expect(err).toMatchObject({ code: 'ASR_TIMEOUT', permanent: false, serviceFault: true });
    expect(err.message).toMatch(/^chunk 1 of 5 .*: the whisper server did not answer in time$/);
    expect(calls.parts).toEqual([1]);
    expect(s.transcripts.setAside(s.id)).toEqual([]);
  });

  it('is skipped by the next run once recovery set it aside (it kept stopping the stage), and named at the end', async () => {
    const s = setup(155);
    const first = engineHangingOn([]);
    // The plan exists and the first part is stored; then the second part stopped the stage 3 times.
    await s.stage(first.engine).run(s.ctx);
    s.transcripts.dropChunksUnless(s.id, (c) => c.index === 0);
    const stage = s.stage(engineHangingOn([]).engine);
    expect(stage.checkpoint(s.id)).toMatchObject({ percent: 20, nextPart: expect.stringMatching(/^chunk 2 of 5/) });
    expect(
      stage.setNextPartAside(
        s.id,
        'stopped the transcribe stage 3 times in a row, the last time: no heartbeat for 12.0 s (lease expired)',
      ),
    ).toMatch(/^chunk 2 of 5/);
    // Set aside counts as settled: a stop at the next part is headway.
    expect(stage.checkpoint(s.id)).toMatchObject({ percent: 40, nextPart: expect.stringMatching(/^chunk 3 of 5/) });
    const again = engineHangingOn([]);
    const err = await failure(s.stage(again.engine).run(s.ctx));
    expect(again.calls.parts).toHaveLength(3);
    expect(err.message).toMatch(
      /^chunk 2 of 5 \(\d:\d\d–\d:\d\d of the audio\) could not be transcribed; the other 4 parts are stored\. It stopped the transcribe stage 3 times in a row, the last time: no heartbeat for 12\.0 s \(lease expired\)$/,
    );
    // The marks are gone with the dead letter: a Retry tries the part again.
    expect(s.transcripts.setAside(s.id)).toEqual([]);
  });
});

describe('a Retry of an item that stopped for another reason', () => {
  it('tries again the parts set aside earlier, instead of naming them at once', async () => {
    const s = setup(155);
    await s.stage(engineHangingOn([]).engine).run(s.ctx);
    s.transcripts.dropChunksUnless(s.id, (c) => c.index !== 1);
    s.transcripts.setPartAside(s.id, { index: 1, reason: 'stopped the transcribe stage 3 times in a row' });
    // The job then ended otherwise (recovered too often, say): a dead letter the person retries.
    s.f.queue.finish(s.job, {
      kind: 'failed',
      failure: { code: 'RECOVERY_EXHAUSTED', message: 'stopped 6 times', permanent: true },
    });
    expect(s.f.queue.retry(s.id)).toBe('retried');
    expect(s.transcripts.setAside(s.id)).toEqual([]);
    const again = s.f.queue.claim('ingest', 'test')!;
    const fixed = engineHangingOn([]);
    await s.stage(fixed.engine).run({ ...s.ctx, lease: { itemId: s.id, token: again.token } });
    expect(fixed.calls.parts).toEqual([1]);
  });
});

const pocketsphinx = findExecutable('pocketsphinx_continuous');

/**
 * The real pocketsphinx behind a wrapper that crashes (exit 139) on the `crashOn`-th distinct chunk
 * it is given, every time; anything under a second (the engine's check) and every other chunk are
 * decoded for real. `crashOn: 'all'` crashes on every call, checks included.
 */
function crashingPocketsphinx(dir: string, crashOn: number | 'all'): PocketsphinxEngine {
  const state = path.join(dir, 'seen-chunks');
  const bin = path.join(dir, 'pocketsphinx-wrapper');
  const crash =
    crashOn === 'all'
      ? 'exit 139'
      : `size=$(wc -c < "$in")
if [ "$size" -gt 32044 ]; then
  sum=$(md5sum "$in" | cut -d' ' -f1)
  grep -qx "$sum" ${state} 2>/dev/null || echo "$sum" >> ${state}
  [ "$(grep -nx "$sum" ${state} | cut -d: -f1)" = "${crashOn}" ] && exit 139
fi`;
  fs.writeFileSync(
    bin,
    `#!/bin/sh
in=""; prev=""
for a in "$@"; do [ "$prev" = "-infile" ] && in="$a"; prev="$a"; done
${crash}
exec ${pocketsphinx} "$@"
`,
    { mode: 0o755 },
  );
  return new PocketsphinxEngine({ bin });
}

describe.skipIf(!pocketsphinx)('a part the real pocketsphinx crashes on every time', () => {
  it('is set aside after 3 tries while pocketsphinx passes its check, and every other part is decoded and stored', async () => {
    const s = setup(45, 10);
    const err = await failure(s.stage(crashingPocketsphinx(s.dir, 2)).run(s.ctx));
    expect(err).toMatchObject({ code: 'PART_FAILED', permanent: true });
    expect(err.message).toMatch(
      /^chunk 2 of 4 \(0:\d\d–0:\d\d of the audio\) could not be transcribed; the other 3 parts are stored\. It failed 3 times \(ASR_ENGINE_FAILED\), the last time: pocketsphinx exited with 139$/,
    );
    expect(s.transcripts.chunks(s.id).map((c) => [c.index, c.engine])).toEqual([
      [0, 'pocketsphinx'],
      [2, 'pocketsphinx'],
      [3, 'pocketsphinx'],
    ]);
  });

  it('stops at once, blaming no part, when pocketsphinx fails its check too', async () => {
    const s = setup(45, 10);
    const err = await failure(s.stage(crashingPocketsphinx(s.dir, 'all')).run(s.ctx));
    expect(err).toMatchObject({ code: 'ASR_ENGINE_FAILED', serviceFault: true });
    expect(err.message).toMatch(/^chunk 1 of 4 .*: pocketsphinx exited with 139$/);
    expect(s.transcripts.setAside(s.id)).toEqual([]);
    expect(s.transcripts.chunks(s.id)).toEqual([]);
  });
});
