import { emptyModel, logProb, renormaliseBackoffs, sentenceEnd, sentenceStart, type NgramModel } from './ngram-model';

/**
 * Keeps the n-grams above the unigrams that matter (Seymore & Rosenfeld's weighted difference): an
 * n-gram whose probability is close to what backing off would give, or whose history is rare, adds
 * little. n-grams scoring below `thresholds[n - 2]!` go, as do those whose history went; back-off
 * weights are then recomputed.
 */
export function pruneModel(model: NgramModel, thresholds: readonly number[]): NgramModel {
  const pruned = emptyModel(model.order);
  for (const [k, e] of model.grams[0]!) pruned.grams[0]!.set(k, { ...e });
  for (let n = 2; n <= model.order; n++) {
    for (const [gram, e] of model.grams[n - 1]!) {
      const words = gram.split(' ');
      if (keepNgram(model, pruned, words, e.prob, thresholds[n - 2]!)) pruned.grams[n - 1]!.set(gram, { ...e });
    }
  }
  renormaliseBackoffs(pruned);
  return pruned;
}

/**
 * Whether one n-gram of `source` (whose orders below n are all loaded) is worth keeping in `pruned`:
 * P(h, w) · |log10 P(w|h) − log10 P_backoff(w|h)| ≥ threshold, its history kept.
 */
export function keepNgram(
  source: NgramModel,
  pruned: NgramModel,
  words: readonly string[],
  prob: number,
  threshold: number,
): boolean {
  const n = words.length;
  const h = words.slice(0, n - 1);
  if (n > 2 && !pruned.grams[n - 2]!.has(h.join(' '))) return false;
  const w = words[n - 1]!;
  const backedOff = logProb(source, h.slice(1), w) + (source.grams[n - 2]!.get(h.join(' '))?.backoff ?? 0);
  return 10 ** (historyProb(source, h) + prob) * Math.abs(prob - backedOff) >= threshold;
}

/** log10 P(h) by the chain rule; a sentence start counts as often as sentence ends. */
function historyProb(model: NgramModel, h: readonly string[]): number {
  let p = 0;
  for (let i = 0; i < h.length; i++) {
    const lp = h[i]! === sentenceStart ? logProb(model, [], sentenceEnd) : logProb(model, h.slice(0, i), h[i]!);
    p += Math.max(lp, -99);
  }
  return p;
}
