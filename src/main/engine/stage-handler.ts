import type { Progress, Stage } from '../../shared/contract';
import type { DataPaths } from '../config/data-dir';
import type { Logger } from '../log/logger';
import type { LeaseRef } from '../queue/queue-store';
import type { StageItem } from '../store/item-files-store';
import type { CheckpointSource, StageCheckpoint } from '../recovery/checkpoint-source';
import type { RecoverableService } from '../recovery/service-recovery-handlers';

export type { StageItem };
export type Availability = { ok: true } | { ok: false; reason: string };
export interface StageContext {
  item: StageItem;
  /** The job's lease: stage output writes name it and are refused once it is no longer held (fencing). */
  lease: LeaseRef;
  attempt: number;
  paths: DataPaths;
  /** Aborted when the job is cancelled, its lease is lost or the engine shuts down. */
  signal: AbortSignal;
  /** Reports progress; it is sent with the next heartbeat and pushed to the UI at once. */
  progress(p: Progress): void;
  log: Logger;
}

/**
 * An external service a stage depends on (an ASR engine, an LLM endpoint). It gets a circuit breaker
 * (fed by the stage's `serviceError`s), a health entry and an auto-recovery handler.
 */
export interface StageService extends RecoverableService {
  /** Stable id used by the breaker and the health entry, e.g. `asr` or `llm`. */
  name: string;
  /** For people, e.g. "speech recognition (whisper.cpp)". */
  label: string;
  /** Work stops without it: red when down. An optional one is amber. Default true. */
  required?: boolean;
  /** Switched off by the user: benign, never red. Default true. */
  enabled?: boolean;
  /**
   * The cheapest check that proves the service does the work; rejects when it does not. `fresh`:
   * real calls just failed, so a check that answers from a recent result must look again.
   */
  probe?(signal: AbortSignal, options?: { fresh?: boolean }): Promise<void | ProbeAnswer>;
}

/**
 * What a check that answers from an earlier result says about it, so the screens never show the
 * cost of a cache look-up (0 ms) as the service's speed.
 */
export type ProbeAnswer =
  /** `ageMs`: how long ago the real check ran; `tookMs`: how long it took. */
  | { ageMs: number; tookMs: number }
  /** No real check has ended yet: the first one runs in the background. */
  | { firstRunning: true };

export type { StageCheckpoint };
/**
 * One pipeline stage. `run` must be idempotent: a re-run replaces the stage's own output, never
 * duplicates it (at-least-once execution). It resolves with a short detail for the timeline, or
 * throws (a StageError for known failures).
 */
export interface StageHandler extends CheckpointSource {
  readonly stage: Stage;
  /** Whether jobs of this stage can run now; when not, they wait with the reason shown. */
  availability(): Availability;
  run(ctx: StageContext): Promise<string | void>;
  /** The external service this stage calls, if any (breaker, health, auto-recovery). */
  readonly service?: StageService;
}
