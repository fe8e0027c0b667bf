import fs from 'node:fs';
import type { TranscriptSegment } from '../../../shared/contract';
import type { SetAsidePart, TranscriptPlan, TranscriptsStore } from '../../store/transcripts-store';
import type { AsrEngine } from '../asr/asr-engine';
import { tinyTranscription } from '../asr/asr-probes';
import { planChunksFromEnergy } from '../audio/chunk-plan';
import type { AudioDecoding } from '../audio/decoder-config';
import { isStageError, permanentError, StageError } from '../../engine/stage-error';
import { oneLevelOfParentheses } from '../../../shared/text/one-level-of-parentheses';
import type { StageCheckpoint, StageContext, StageHandler, StageService } from '../../engine/stage-handler';
import {
  classifyPartFailure,
  defaultCheckWithinMs,
  defaultMaxPartTries,
  needsCheck,
  setAsideReason,
  type CheckAfterFailure,
} from './part-failure-policy';

export interface TranscribeStageDeps {
  transcripts: TranscriptsStore;
  /** The engine, or where to get the current one (it follows the settings); a job keeps the one it started with. */
  engine: AsrEngine | (() => AsrEngine);
  /** Streaming decoder: the audio is spooled to a temporary file and read a chunk at a time. */
  decode: Pick<AudioDecoding, 'spool'>;
  /** Preferred chunk length, seconds. Default 30. */
  chunkSec?: number;
  /** Tries of one part before it is set aside and the others go on. Default 3. */
  maxPartTries?: number;
  /** Longest wait for the engine's real-work check after a part failed, ms. Default 30 000. */
  checkTimeoutMs?: number;
  now?: () => number;
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/**
 * Transcribe: decode the stored audio, cut it into ≈30 s chunks at silences (the plan is stored
 * once), and transcribe chunk by chunk. Each finished chunk's segments are stored at once — that is
 * the checkpoint — so a resumed attempt starts at the first chunk not yet stored. A chunk that
 * keeps failing through no fault of the service (part-failure-policy.ts), or keeps stopping the
 * stage (recovery sets it aside), does not cost the rest: the other chunks are transcribed and
 * stored, then the item is a `PART_FAILED` dead letter naming it, and a Retry tries only it again.
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
    // Parts set aside count as settled: a stop at the next part is headway, not the same part again.
    const settled = this.settled(itemId);
    if (settled.size === 0) return null;
    const next = plan.chunks.findIndex((_, i) => !settled.has(i));
    return {
      percent: (100 * settled.size) / plan.chunks.length,
      nextPart: next >= 0 ? describePart(plan, next) : undefined,
    };
  }

  /** Recovery found the next part stopped the stage too often: it is set aside and the others go on. */
  setNextPartAside(itemId: number, reason: string): string | null {
    const plan = this.deps.transcripts.plan(itemId);
    if (!plan) return null;
    const settled = this.settled(itemId);
    const next = plan.chunks.findIndex((_, i) => !settled.has(i));
    if (next < 0) return null;
    this.deps.transcripts.setPartAside(itemId, { index: next, reason });
    return describePart(plan, next);
  }

  /** Indexes of the chunks stored or set aside. */
  private settled(itemId: number): Set<number> {
    const { transcripts } = this.deps;
    return new Set([...transcripts.chunks(itemId), ...transcripts.setAside(itemId)].map((c) => c.index));
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
      const asideBefore = new Set(transcripts.setAside(item.id).map((p) => p.index));
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
        if (stored.has(index) || asideBefore.has(index)) continue;
        ctx.signal.throwIfAborted();
        const offset = from / plan.sampleRate;
        const length = (to - from) / plan.sampleRate;
        const samples = await audio.read(from, to);
        const raw = await this.transcribePart(ctx, engine, plan, index, samples, (100 * done) / total);
        ctx.signal.throwIfAborted();
        if (raw === null) {
          // Back from the tries' own steps, so the next chunk's time is not counted as part of theirs.
          report();
          continue;
        }
        const segments: TranscriptSegment[] = raw.map((s) => ({
          start: round(offset + Math.max(0, Math.min(length, s.start))),
          end: round(offset + Math.max(0, Math.min(length, s.end))),
          text: s.text,
        }));
        transcripts.saveChunk(lease, index, segments, engine.name, now());
        done++;
        report();
      }
      const aside = transcripts.setAside(item.id);
      if (aside.length > 0) {
        // The dead letter names them; a Retry tries them again (the stored chunks stay).
        transcripts.clearSetAside(lease);
        throw permanentError('PART_FAILED', partsFailedMessage(plan, aside, done));
      }
      const words = transcripts.transcript(item.id)?.text.split(/\s+/).filter(Boolean).length ?? 0;
      return `${words} words from ${audio.durationSec.toFixed(1)} s in ${total} chunk${total === 1 ? '' : 's'}${resumed > 0 ? ` (${resumed} kept from an earlier attempt)` : ''} by ${engine.name}`;
    } finally {
      await audio.close();
    }
  }

  /**
   * One part, tried until it is transcribed, set aside (null: it kept failing through no fault of
   * the service), or the stage stops (the service's fault, a permanent error, an abort).
   */
  private async transcribePart(
    ctx: StageContext,
    engine: AsrEngine,
    plan: TranscriptPlan,
    index: number,
    samples: Float32Array,
    percent: number,
  ): Promise<TranscriptSegment[] | null> {
    const now = this.deps.now ?? Date.now;
    const maxTries = this.deps.maxPartTries ?? defaultMaxPartTries;
    const part = describePart(plan, index);
    for (let tries = 1; ; tries++) {
      try {
        return await engine.transcribe(
          { samples, sampleRate: plan.sampleRate },
          { signal: ctx.signal, tmpDir: ctx.paths.tmp },
        );
      } catch (err: unknown) {
        ctx.signal.throwIfAborted();
        // Errors the engine did not raise on purpose stop the stage as they always did.
        if (!isStageError(err)) throw err;
        const failure = { code: err.code, permanent: err.permanent, serviceFault: err.serviceFault, at: now() };
        const check = needsCheck(failure) ? await this.checkEngine(ctx, engine) : null;
        const verdict = classifyPartFailure(failure, check, {
          tries,
          maxTries,
          checkWithinMs: defaultCheckWithinMs,
        });
        // The failure names the part of the audio, whatever its kind (code, permanence and fault are kept).
        if (verdict.kind !== 'part') throw withPart(err, part);
        ctx.log.warn(
          { index, tries, code: verdict.code, because: verdict.because, next: verdict.next },
          'a part of the audio failed',
        );
        if (verdict.next === 'set_aside') {
          const reason = `${setAsideReason(verdict.code, tries)}, the last time: ${err.message}`;
          this.deps.transcripts.setPartAside(ctx.item.id, { index, reason }, ctx.lease);
          return null;
        }
        // A new step per try: each try is bounded by the engine's own limit, so none reads as a stall.
        ctx.progress({
          step: `try_${tries + 1}_of_${maxTries}`,
          percent,
          message: `${part}: try ${tries + 1} of ${maxTries} (${verdict.because})`,
        });
      }
    }
  }

  /** The engine's real-work check (a moment of silence transcribed), right after a part failed. */
  private async checkEngine(ctx: StageContext, engine: AsrEngine): Promise<CheckAfterFailure> {
    const now = this.deps.now ?? Date.now;
    const startedAt = now();
    const signal = AbortSignal.any([ctx.signal, AbortSignal.timeout(this.deps.checkTimeoutMs ?? 30_000)]);
    try {
      await tinyTranscription(engine)(signal);
      return { startedAt, endedAt: now(), passed: true };
    } catch (err: unknown) {
      ctx.signal.throwIfAborted();
      return { startedAt, endedAt: now(), passed: false, failure: err instanceof Error ? err.message : String(err) };
    }
  }
}

const clock = (sec: number) => `${Math.floor(sec / 60)}:${String(Math.floor(sec % 60)).padStart(2, '0')}`;

/** "chunk 4 of 5 (1:30–2:00 of the audio)". */
function describePart(plan: TranscriptPlan, index: number): string {
  const [from, to] = plan.chunks[index]!;
  return `chunk ${index + 1} of ${plan.chunks.length} (${clock(from / plan.sampleRate)}–${clock(to / plan.sampleRate)} of the audio)`;
}

const partsOf = (n: number) => (n === 1 ? 'part' : 'parts');

/**
 * "chunk 4 of 5 (2:00–2:40 of the audio) could not be transcribed; the other 4 parts are stored.
 * It timed out 3 times while …". Each part's reason is a clause ("timed out 3 times …").
 */
export function partsFailedMessage(plan: TranscriptPlan, aside: readonly SetAsidePart[], kept: number): string {
  const one = aside.length === 1;
  const failed = one
    ? `${describePart(plan, aside[0]!.index)} could not be transcribed`
    : `${aside.length} parts could not be transcribed: ${aside.map((p) => describePart(plan, p.index)).join(' and ')}`;
  const rest =
    kept === 0 ? 'no other part is stored' : `the other ${kept} ${partsOf(kept)} ${kept === 1 ? 'is' : 'are'} stored`;
  const why = aside.map((p) => `${one ? 'It' : `Chunk ${p.index + 1}`} ${p.reason}`);
  return oneLevelOfParentheses(`${failed}; ${rest}. ${why.join('. ')}`);
}

function withPart(err: unknown, part: string): unknown {
  if (!isStageError(err)) return err;
  return new StageError(err.code, `${part}: ${err.message}`, err.permanent, {
    cause: err,
    serviceFault: err.serviceFault,
  });
}
