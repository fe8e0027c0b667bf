/** What a recovery could resume from. */
export interface StageCheckpoint {
  /** Share of the stage's work the checkpoint already holds, 0–100. */
  percent: number;
  /** The part a re-run starts with, for people, e.g. "chunk 4 of 5 (1:30–2:00 of the audio)". */
  nextPart?: string;
}

/**
 * What recovery asks a stage about its stored output when it chooses a strategy. Recovery owns this
 * port (the engine's stage handlers implement it), so recovery needs nothing else of a stage. A stage
 * with `checkpoint` keeps partial output; one without has nothing to resume from.
 */
export interface CheckpointSource {
  /** What a re-run would resume from (e.g. chunks already transcribed), or null when nothing is stored yet. */
  checkpoint?(itemId: number): StageCheckpoint | null;
  /**
   * Recovery chose to restart the stage: drop the stored parts that do not validate, keep the rest
   * (finished work is never thrown away). Returns how many parts were kept and dropped.
   */
  keepValidCheckpoint?(itemId: number): { kept: number; dropped: number };
  /**
   * The next part stopped the stage too many times in a row: set it aside, so the next run goes on
   * with the others (the stage ends naming it). Returns the part's description, or null when there
   * is none. A stage without it gets a dead letter naming the part instead.
   */
  setNextPartAside?(itemId: number, reason: string): string | null;
  /** The stage's output for the item is already complete and verified: recovery marks it succeeded. */
  isOutputComplete?(itemId: number): boolean;
}
