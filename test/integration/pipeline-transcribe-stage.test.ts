import { afterEach, describe, expect, it } from 'vitest';
import type { AsrEngine } from '../../src/main/pipeline/asr/asr-engine';
import { audioDecoding } from '../../src/main/pipeline/audio/decoder-config';
import { TranscribeStage } from '../../src/main/pipeline/transcribe/transcribe-stage';
import { transcribeStageFixture } from '../support/transcribe-stage-fixture';

const open: { store: { close(): void } }[] = [];
afterEach(() => {
  for (const f of open.splice(0)) f.store.close();
});

/** An engine that names each chunk by its length and can be told to stop the world after n chunks. */
function countingEngine(onChunk?: (n: number) => void): AsrEngine & { calls: number } {
  const e = {
    name: 'counting',
    calls: 0,
    availability: () => ({ ok: true }) as const,
    transcribe(audio: { samples: Float32Array; sampleRate: number }) {
      e.calls++;
      onChunk?.(e.calls);
      return Promise.resolve([
        { start: 0.5, end: 1, text: `chunk ${e.calls} of ${(audio.samples.length / audio.sampleRate).toFixed(0)} s` },
      ]);
    },
  };
  return e;
}

function setup(seconds: number) {
  return transcribeStageFixture(seconds, (f) => open.push(f));
}

const decode = audioDecoding({ ffmpeg: null, maxSeconds: 3600 });

describe('the transcribe stage', () => {
  it('reports progress as chunks done over total, ending at 100 %, and offsets segments to the recording', async () => {
    const s = setup(95);
    const engine = countingEngine();
    const detail = await new TranscribeStage({ transcripts: s.transcripts, engine, decode }).run(s.ctx);
    const steps = s.progress.filter((p) => p.step === 'transcribe').map((p) => p.percent);
    expect(steps).toEqual([0, 100 / 3, 200 / 3, 100]);
    expect(s.progress.at(-1)!.message).toBe('3 of 3 chunks transcribed (counting)');
    const t = s.transcripts.transcript(s.ctx.item.id)!;
    const plan = s.transcripts.plan(s.ctx.item.id)!;
    expect(t.segments.map((x) => x.start)).toEqual(
      plan.chunks.map(([from]) => Math.round((from / 16000 + 0.5) * 1000) / 1000),
    );
    expect(detail).toContain('in 3 chunks');
  });

  it('stops between chunks when aborted, keeping what was done, and the next attempt does only the rest', async () => {
    const s = setup(95);
    // Aborted while the third chunk is being transcribed: its result is dropped, not stored.
    const first = countingEngine((n) => n === 3 && s.ac.abort(new Error('lease lost')));
    await expect(new TranscribeStage({ transcripts: s.transcripts, engine: first, decode }).run(s.ctx)).rejects.toThrow(
      'lease lost',
    );
    expect(s.transcripts.chunks(s.ctx.item.id).map((c) => c.index)).toEqual([0, 1]);

    const second = countingEngine();
    const ctx = { ...s.ctx, signal: new AbortController().signal };
    const detail = await new TranscribeStage({ transcripts: s.transcripts, engine: second, decode }).run(ctx);
    expect(second.calls).toBe(1);
    expect(detail).toContain('2 kept from an earlier attempt');
    expect(s.transcripts.chunks(s.ctx.item.id)).toHaveLength(3);
  });

  it('tells recovery what it can resume from and which part comes next; complete once every chunk is stored; a restart keeps the chunks that validate', async () => {
    const s = setup(95);
    const stage = (engine: ReturnType<typeof countingEngine>) =>
      new TranscribeStage({ transcripts: s.transcripts, engine, decode });
    const id = s.ctx.item.id;
    expect(stage(countingEngine()).checkpoint(id)).toBeNull();
    await expect(
      stage(countingEngine((n) => n === 3 && s.ac.abort(new Error('lease lost')))).run(s.ctx),
    ).rejects.toThrow('lease lost');
    const probe = stage(countingEngine());
    expect(probe.checkpoint(id)!.percent).toBeCloseTo((100 * 2) / 3);
    expect(probe.checkpoint(id)!.nextPart).toMatch(/^chunk 3 of 3 \(1:\d\d–1:35 of the audio\)$/);
    expect(probe.isOutputComplete(id)).toBe(false);
    // A restart keeps both stored chunks: they belong to the plan and their segments lie inside them.
    expect(probe.keepValidCheckpoint(id)).toEqual({ kept: 2, dropped: 0 });
    // A chunk whose segments fall outside its part of the audio does not validate and is dropped.
    s.transcripts.saveChunk(s.ctx.lease, 1, [{ start: 500, end: 501, text: 'elsewhere' }], 'counting', 0);
    expect(probe.keepValidCheckpoint(id)).toEqual({ kept: 1, dropped: 1 });

    await probe.run({ ...s.ctx, signal: new AbortController().signal });
    expect(probe.checkpoint(id)!.percent).toBe(100);
    expect(probe.isOutputComplete(id)).toBe(true);

    expect(probe.keepValidCheckpoint(id)).toEqual({ kept: 3, dropped: 0 });
    expect(probe.isOutputComplete(id)).toBe(true);
  });

  it('waits with the engine’s reason when the engine is unavailable', () => {
    const s = setup(1);
    const engine: AsrEngine = {
      name: 'x',
      availability: () => ({ ok: false, reason: 'no whisper model — Download model' }),
      transcribe: () => Promise.resolve([]),
    };
    expect(new TranscribeStage({ transcripts: s.transcripts, engine, decode }).availability()).toEqual({
      ok: false,
      reason: 'no whisper model — Download model',
    });
  });
});
