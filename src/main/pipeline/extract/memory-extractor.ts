import type { Memory, Transcript } from '../../../shared/contract';
import type { Availability, StageService } from '../../engine/stage-handler';

export interface ExtractOptions {
  /** When the recording was made: relative dates ("tomorrow at 3 pm") resolve against it. */
  recordedAt: Date;
  signal: AbortSignal;
}

/**
 * Turns a transcript into memories (to-dos, events with dates, people, facts), each with the
 * segment it came from. Failures are StageErrors (LLM services: transient service faults, or a
 * permanent LLM_BAD_OUTPUT after a retry).
 */
export interface MemoryExtractor {
  /** Stored with each memory ("rules", "ollama:llama3.2", …). */
  readonly name: string;
  availability(): Availability;
  /** The server it calls, when it calls one: the extract stage then gets a breaker, a health entry and auto-recovery. */
  readonly service?: StageService;
  extract(transcript: Transcript, options: ExtractOptions): Promise<Memory[]>;
}
