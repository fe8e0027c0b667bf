/** What a recovery could resume from. */
export interface StageCheckpoint {
  /** Share of the stage's work the checkpoint already holds, 0–100. */
  percent: number;
}

/**
 * What recovery asks a stage about its stored output when it chooses a strategy. Recovery owns this
 * port (the engine's stage handlers implement it), so recovery needs nothing else of a stage.
 */
export interface CheckpointSource {
  /** What a re-run would resume from (e.g. chunks already transcribed), or null. */
  checkpoint?(itemId: number): StageCheckpoint | null;
  /** Recovery chose to restart the stage: drop the checkpoint so the next run starts clean. */
  discardCheckpoint?(itemId: number): void;
  /** The stage's output for the item is already complete and verified: recovery marks it succeeded. */
  isOutputComplete?(itemId: number): boolean;
}
