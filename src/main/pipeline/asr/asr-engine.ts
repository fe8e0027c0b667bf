import type { TranscriptSegment } from '../../../shared/contract';
import type { PcmAudio } from '../audio/pcm-audio';
import type { Availability, StageService } from '../../engine/stage-handler';

export interface TranscribeOptions {
  signal: AbortSignal;
  /** A directory for scratch files (removed by the engine when it is done with them). */
  tmpDir: string;
}

/**
 * A speech-to-text engine. `transcribe` takes one chunk (16 kHz mono) and returns its segments with
 * times in seconds from the start of the chunk. Failures are StageErrors: transient service faults
 * (timeouts, refused, 5xx, busy, engine crash) or permanent ones (the input was refused).
 */
export interface AsrEngine {
  /** Stored with each chunk ("pocketsphinx", "whisper:ggml-base.en.bin", …). */
  readonly name: string;
  /** Cheap (cached probes): whether it can run now, and when not, the reason and the fix. */
  availability(): Availability;
  transcribe(audio: PcmAudio, options: TranscribeOptions): Promise<TranscriptSegment[]>;
  /** The server it calls, when it calls one: the transcribe stage then gets a breaker, a health entry and auto-recovery. */
  readonly service?: StageService;
  /** Frees what it holds (a loaded model). */
  dispose?(): Promise<void>;
}

/** Collapses whitespace; engines pad and split text differently. */
export const cleanText = (text: string) => text.replace(/\s+/g, ' ').trim();
