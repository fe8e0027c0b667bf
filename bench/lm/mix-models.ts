import { emptyModel, logProb, renormaliseBackoffs, startProb, type NgramModel } from './ngram-model';

/**
 * Static linear interpolation as SRILM's `ngram -mix-lm` does it: every n-gram either model holds
 * gets P = λ·P_a(w|h) + (1 − λ)·P_b(w|h), each side with its own back-off, and the back-off weights
 * are then recomputed so every history sums to one. `lambda` is the weight of `a`.
 */
export function mixModels(a: NgramModel, b: NgramModel, lambda: number): NgramModel {
  const order = Math.max(a.order, b.order);
  const mixed = emptyModel(order);
  for (let n = 1; n <= order; n++) {
    const union = new Set<string>([...(a.grams[n - 1]?.keys() ?? []), ...(b.grams[n - 1]?.keys() ?? [])]);
    for (const gram of union) {
      const words = gram.split(' ');
      const w = words[n - 1]!;
      const h = words.slice(0, n - 1);
      const p = lambda * 10 ** logProb(a, h, w) + (1 - lambda) * 10 ** logProb(b, h, w);
      mixed.grams[n - 1]!.set(gram, { prob: p > 0 ? Math.log10(p) : startProb, backoff: 0 });
    }
  }
  renormaliseBackoffs(mixed);
  return mixed;
}
