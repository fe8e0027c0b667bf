/**
 * A drill plays one failure the way a user meets it, against a real `lifeline serve` with the
 * defaults, and reports what happened as rows of one table. `npm run drill` runs them all; the short
 * ones also run in `npm test` (each has a vitest file that asserts its rows passed).
 */
export interface DrillRow {
  drill: string;
  /** The case within the drill, e.g. "12 items, 3 min outage". */
  case: string;
  /** What was measured, e.g. { deadLetters: 0, attemptsSpentWhileDown: 0, backToFirstRequestS: 4.1 }. */
  figures: Record<string, string | number | boolean>;
  /** Whether the case met its goal (the goal is in the drill's own code, next to the figures). */
  passed: boolean;
  /** When it did not: which goal was missed. */
  why?: string;
}

export interface Drill {
  name: string;
  /** Short enough (≲ 1 min on 2 cores) to run in `npm test` too. */
  short: boolean;
  run(): Promise<DrillRow[]>;
}
