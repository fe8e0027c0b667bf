import type { Progress, Stage } from '../../shared/contract';
import type { DataPaths } from '../config/data-dir';
import type { Logger } from '../log/logger';
import type { LeaseRef } from '../queue/queue-store';

export type Availability = { ok: true } | { ok: false; reason: string };

/** What a stage knows about the item it works on. */
export interface StageItem {
  id: number;
  sourcePath: string;
  fileName: string;
  sha256: string;
  storedPath: string | null;
  createdAt: number;
}

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
 * One pipeline stage. `run` must be idempotent: a re-run replaces the stage's own output, never
 * duplicates it (at-least-once execution). It resolves with a short detail for the timeline, or
 * throws (a StageError for known failures).
 */
export interface StageHandler {
  readonly stage: Stage;
  /** Whether jobs of this stage can run now; when not, they wait with the reason shown. */
  availability(): Availability;
  run(ctx: StageContext): Promise<string | void>;
}
