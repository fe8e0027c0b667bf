import { heldOutSentences } from '../memory-corpus';
import { memoCorpus, withoutProtected } from './memo-corpus';

/**
 * How the memo language model is made (scripts/build-memo-lm.ts): chosen on the tuning sentences
 * only with bench/memory-sweep.ts (docs/pipeline.md has the table).
 */
export const memoLmRecipe = {
  /** Generated memo sentences in the domain corpus. */
  sentences: 40_000,
  /** Weight of the domain model in the mix; the general model gets the rest. */
  lambda: 0.3,
  /** Weighted-difference pruning of the general model's bigrams and trigrams. */
  pruneThresholds: [3.5e-8, 1e-6],
};

/** The domain corpus the model is built from: generated, then cleaned of anything held out. */
export function memoLmCorpus(sentences = memoLmRecipe.sentences): string[] {
  return withoutProtected(
    memoCorpus(sentences),
    heldOutSentences.map((s) => s.text),
  );
}
