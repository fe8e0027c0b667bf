import fs from 'node:fs';
import type { TranscriptSegment } from '../../../shared/contract';
import type { TranscriptsStore } from '../../store/transcripts-store';
import type { AsrEngine } from '../asr/asr-engine';
import { planChunks } from '../audio/chunk-plan';
import type { DecodedAudio } from '../audio/decode-audio';
import { permanentError } from '../stage-error';
import type { StageContext, StageHandler, StageService } from '../stage-handler';

export interface TranscribeStageDeps {
  transcripts: TranscriptsStore;
  engine: AsrEngine;
  decode(file: string, fileName: string, signal: AbortSignal): Promise<DecodedAudio>;
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
  /** The ASR server, when the engine calls one (breaker, health entry, auto-recovery). */
  readonly service: StageService | undefined;
  constructor(private readonly deps: TranscribeStageDeps) {
    this.service = deps.engine.service;
  }

  availability() {
    return this.deps.engine.availability();
  }

  async run(ctx: StageContext): Promise<string> {
    const { item, lease } = ctx;
    const { transcripts, engine } = this.deps;
    const now = this.deps.now ?? Date.now;
    const file = item.storedPath;
    if (!file || !fs.existsSync(file)) {
      throw permanentError('AUDIO_MISSING', `the stored copy of ${item.fileName} is missing${file ? ` (${file})` : ''}; add the file again`);
    }
    ctx.progress({ step: 'decode', percent: 0, message: 'decoding audio' });
    const audio = await this.deps.decode(file, item.fileName, ctx.signal);
    let plan = transcripts.plan(item.id);
    if (!plan || plan.totalFrames !== audio.samples.length || plan.sampleRate !== audio.sampleRate) {
      plan = { sampleRate: audio.sampleRate, totalFrames: audio.samples.length, chunks: planChunks(audio.samples, audio.sampleRate, { targetSec: this.deps.chunkSec }) };
      transcripts.savePlan(lease, plan, now());
    }
    const total = plan.chunks.length;
    const stored = new Set(transcripts.chunks(item.id).map((c) => c.index));
    const resumed = stored.size;
    let done = stored.size;
    const report = () =>
      ctx.progress({ step: 'transcribe', percent: (100 * done) / total, message: `${done} of ${total} chunks transcribed (${engine.name})` });
    report();
    if (resumed > 0) ctx.log.info({ resumed, total }, 'resuming transcription from checkpoint');
    for (const [index, [from, to]] of plan.chunks.entries()) {
      if (stored.has(index)) continue;
      ctx.signal.throwIfAborted();
      const offset = from / plan.sampleRate;
      const length = (to - from) / plan.sampleRate;
      const raw = await engine.transcribe({ samples: audio.samples.subarray(from, to), sampleRate: plan.sampleRate }, { signal: ctx.signal, tmpDir: ctx.paths.tmp });
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
  }
}
