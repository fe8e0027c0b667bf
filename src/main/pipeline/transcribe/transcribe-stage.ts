import fs from 'node:fs';
import type { TranscriptSegment } from '../../../shared/contract';
import type { TranscriptsStore } from '../../store/transcripts-store';
import type { AsrEngine } from '../asr/asr-engine';
import { planChunksFromEnergy } from '../audio/chunk-plan';
import type { AudioDecoding } from '../audio/decoder-config';
import { isStageError, permanentError, StageError } from '../../engine/stage-error';
import type { TranscriptPlan } from '../../store/transcripts-store';
import type { StageCheckpoint, StageContext, StageHandler, StageService } from '../../engine/stage-handler';

export interface TranscribeStageDeps {
  transcripts: TranscriptsStore;
  /** The engine, or where to get the current one (it follows the settings); a job keeps the one it started with. */
  engine: AsrEngine | (() => AsrEngine);
  /** Streaming decoder: the audio is spooled to a temporary file and read a chunk at a time. */
  decode: Pick<AudioDecoding, 'spool'>;
  /** Preferred chunk length, seconds. Default 30. */
  chunkSec?: number;
  now?: () => number;
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/**
 * Transcribe: decode the stored audio, cut it into ≈30 s chunks at silences (the plan is stored
 * once), and transcribe chunk by chunk. Each finished chunk's segments are stored at once — that is
 * the checkpoint — so a resumed attempt starts at the first chunk not yet stored.
 */
export class TranscribeStage implements StageHandler {
  readonly stage = 'transcribe' as const;
  constructor(private readonly deps: TranscribeStageDeps) {}

  /**
   * The ASR server, when the current engine calls one (breaker, health entry, auto-recovery). It
   * follows the settings: switching to an HTTP engine while running gives it all three at once
   * (`ServiceRoster`), and switching back to a local engine drops them.
   */
  get service(): StageService | undefined {
    return this.engine().service;
  }

  private engine(): AsrEngine {
    const e = this.deps.engine;
    return typeof e === 'function' ? e() : e;
  }

  availability() {
    return this.engine().availability();
  }

  /** The stored chunks are the checkpoint: a re-run transcribes only the chunks not stored yet. */
  checkpoint(itemId: number): StageCheckpoint | null {
    const plan = this.deps.transcripts.plan(itemId);
    if (!plan || plan.chunks.length === 0) return null;
    const stored = new Set(this.deps.transcripts.chunks(itemId).map((c) => c.index));
    if (stored.size === 0) return null;
    const next = plan.chunks.findIndex((_, i) => !stored.has(i));
    return {
      percent: (100 * stored.size) / plan.chunks.length,
      nextPart: next >= 0 ? describePart(plan, next) : undefined,
    };
  }

  /** A restart keeps every stored chunk that belongs to the plan and whose segments lie inside it. */
  keepValidCheckpoint(itemId: number): { kept: number; dropped: number } {
    const { transcripts } = this.deps;
    const plan = transcripts.plan(itemId);
    if (!plan) return transcripts.dropChunksUnless(itemId, () => false);
    return transcripts.dropChunksUnless(itemId, (c) => {
      const range = plan.chunks[c.index];
      if (!range) return false;
      const [from, to] = range.map((f) => f / plan.sampleRate) as [number, number];
      const inside = (t: number) => Number.isFinite(t) && t >= from - 0.01 && t <= to + 0.01;
      return c.segments.every(
        (s) => typeof s.text === 'string' && inside(s.start) && inside(s.end) && s.end >= s.start,
      );
    });
  }

  /** Every planned chunk is stored: the transcript is complete, recovery can validate instead of re-running. */
  isOutputComplete(itemId: number): boolean {
    const plan = this.deps.transcripts.plan(itemId);
    return (
      plan !== undefined && plan.chunks.length > 0 && this.deps.transcripts.chunkCount(itemId) === plan.chunks.length
    );
  }

  async run(ctx: StageContext): Promise<string> {
    const { item, lease } = ctx;
    const { transcripts } = this.deps;
    const engine = this.engine();
    const now = this.deps.now ?? Date.now;
    const file = item.storedPath;
    if (!file || !fs.existsSync(file)) {
      throw permanentError(
        'AUDIO_MISSING',
        `the stored copy of ${item.fileName} is missing${file ? ` (${file})` : ''}; add the file again`,
      );
    }
    ctx.progress({ step: 'decode', percent: 0, message: 'decoding audio' });
    let shown = 0;
    const audio = await this.deps.decode.spool(file, item.fileName, ctx.paths.tmp, ctx.signal, (done) => {
      const percent = Math.floor(100 * done);
      if (percent > shown) ctx.progress({ step: 'decode', percent: (shown = percent), message: 'decoding audio' });
    });
    try {
      let plan = transcripts.plan(item.id);
      if (!plan || plan.totalFrames !== audio.frames || plan.sampleRate !== audio.sampleRate) {
        const chunks = planChunksFromEnergy(audio.energies, audio.energyFrame, audio.frames, audio.sampleRate, {
          targetSec: this.deps.chunkSec,
        });
        plan = { sampleRate: audio.sampleRate, totalFrames: audio.frames, chunks };
        transcripts.savePlan(lease, plan, now());
      }
      const total = plan.chunks.length;
      const stored = new Set(transcripts.chunks(item.id).map((c) => c.index));
      const resumed = stored.size;
      let done = stored.size;
      const report = () =>
        ctx.progress({
          step: 'transcribe',
          percent: (100 * done) / total,
          message: `${done} of ${total} chunks transcribed (${engine.name})`,
        });
      report();
      if (resumed > 0) ctx.log.info({ resumed, total }, 'resuming transcription from checkpoint');
      for (const [index, [from, to]] of plan.chunks.entries()) {
        if (stored.has(index)) continue;
        ctx.signal.throwIfAborted();
        const offset = from / plan.sampleRate;
        const length = (to - from) / plan.sampleRate;
        const samples = await audio.read(from, to);
        let raw: Awaited<ReturnType<AsrEngine['transcribe']>>;
        try {
          raw = await engine.transcribe(
            { samples, sampleRate: plan.sampleRate },
            { signal: ctx.signal, tmpDir: ctx.paths.tmp },
          );
        } catch (err: unknown) {
          // The failure names the part of the audio, whatever its kind (code, permanence and fault are kept).
          throw withPart(err, describePart(plan, index));
        }
        ctx.signal.throwIfAborted();
        const segments: TranscriptSegment[] = raw.map((s) => ({
          start: round(offset + Math.max(0, Math.min(length, s.start))),
          end: round(offset + Math.max(0, Math.min(length, s.end))),
          text: s.text,
        }));
        transcripts.saveChunk(lease, index, segments, engine.name, now());
        done++;
        report();
      }
      const words = transcripts.transcript(item.id)?.text.split(/\s+/).filter(Boolean).length ?? 0;
      return `${words} words from ${audio.durationSec.toFixed(1)} s in ${total} chunk${total === 1 ? '' : 's'}${resumed > 0 ? ` (${resumed} kept from an earlier attempt)` : ''} by ${engine.name}`;
    } finally {
      await audio.close();
    }
  }
}

const clock = (sec: number) => `${Math.floor(sec / 60)}:${String(Math.floor(sec % 60)).padStart(2, '0')}`;

/** "chunk 4 of 5 (1:30–2:00 of the audio)". */
function describePart(plan: TranscriptPlan, index: number): string {
  const [from, to] = plan.chunks[index]!;
  return `chunk ${index + 1} of ${plan.chunks.length} (${clock(from / plan.sampleRate)}–${clock(to / plan.sampleRate)} of the audio)`;
}

function withPart(err: unknown, part: string): unknown {
  if (!isStageError(err)) return err;
  return new StageError(err.code, `${part}: ${err.message}`, err.permanent, {
    cause: err,
    serviceFault: err.serviceFault,
  });
}
