import type { Stage } from '../../shared/contract';
import { oneLevelOfParentheses } from '../../shared/text/one-level-of-parentheses';

/**
 * What can hold a stage's jobs in `waiting`, in the order the reason is shown: a stage with no
 * engine behind it, then the user's pause, then a full disk, then its service failing its health
 * check, then an open breaker.
 */
export const blockSources = ['handler', 'paused', 'disk', 'service', 'breaker'] as const;
export type BlockSource = (typeof blockSources)[number];

/**
 * Per stage, the reasons it cannot run now. A stage runs when it has none; a stage blocked by its
 * breaker alone, while that breaker is half-open, may still run one probe job.
 */
export class StageGates {
  private readonly blocks = new Map<Stage, Map<BlockSource, string>>();

  /** Sets or clears one reason; returns whether anything changed. */
  set(stage: Stage, source: BlockSource, given: string | null): boolean {
    // Shown on every waiting item: a breaker's reason quotes the error, which may quote its cause.
    const reason = given === null ? null : oneLevelOfParentheses(given);
    let m = this.blocks.get(stage);
    if (!m) {
      m = new Map();
      this.blocks.set(stage, m);
    }
    if (reason === null) return m.delete(source);
    if (m.get(source) === reason) return false;
    m.set(source, reason);
    return true;
  }

  /** The reason shown for the stage's waiting jobs, or undefined when it can run. */
  reason(stage: Stage): string | undefined {
    const m = this.blocks.get(stage);
    if (!m) return undefined;
    for (const s of blockSources) {
      const r = m.get(s);
      if (r !== undefined) return r;
    }
    return undefined;
  }

  sources(stage: Stage): BlockSource[] {
    const m = this.blocks.get(stage);
    return m ? blockSources.filter((s) => m.has(s)) : [];
  }

  /** Blocked only by its breaker: a half-open probe may run. */
  onlyBreaker(stage: Stage): boolean {
    const s = this.sources(stage);
    return s.length === 1 && s[0] === 'breaker';
  }
}
