import { emptyModel, key, logProb, sentenceEnd, sentenceStart, startProb, type NgramModel } from './ngram-model';

/**
 * An interpolated Witten-Bell model of `order` from tokenised sentences. For a history h seen c(h)
 * times with T(h) distinct followers, P(w|h) = (c(h,w) + T(h)·P(w|h′)) / (c(h) + T(h)), so the mass
 * left for unseen words is exactly T(h) / (c(h) + T(h)): that is the back-off weight, and each
 * history's distribution sums to one without renormalising. Unigrams are maximum likelihood: the
 * domain model is only ever used mixed with the general one, which knows every other word.
 */
export function buildWittenBell(sentences: readonly (readonly string[])[], order = 3): NgramModel {
  const counts = Array.from({ length: order }, () => new Map<string, number>());
  for (const s of sentences) {
    const padded = [sentenceStart, ...s, sentenceEnd];
    for (let i = 1; i < padded.length; i++) {
      for (let n = 1; n <= order && i - n + 1 >= 0; n++) {
        const gram = key(padded.slice(i - n + 1, i + 1));
        counts[n - 1]!.set(gram, (counts[n - 1]!.get(gram) ?? 0) + 1);
      }
    }
  }

  const model = emptyModel(order);
  let total = 0;
  for (const c of counts[0]!.values()) total += c;
  model.grams[0]!.set(sentenceStart, { prob: startProb, backoff: 0 });
  for (const [w, c] of counts[0]!) model.grams[0]!.set(w, { prob: Math.log10(c / total), backoff: 0 });

  for (let n = 2; n <= order; n++) {
    // c(h) and T(h) for every history of length n − 1.
    const seen = new Map<string, { total: number; types: number }>();
    for (const [gram, c] of counts[n - 1]!) {
      const h = gram.slice(0, gram.lastIndexOf(' '));
      const s = seen.get(h) ?? { total: 0, types: 0 };
      s.total += c;
      s.types += 1;
      seen.set(h, s);
    }
    for (const [gram, c] of counts[n - 1]!) {
      const cut = gram.lastIndexOf(' ');
      const h = gram.slice(0, cut);
      const w = gram.slice(cut + 1);
      const { total: ch, types } = seen.get(h)!;
      const lower = 10 ** logProb(model, h.split(' ').slice(1), w);
      model.grams[n - 1]!.set(gram, { prob: Math.log10((c + types * lower) / (ch + types)), backoff: 0 });
    }
    for (const [h, { total: ch, types }] of seen) {
      const entry = model.grams[n - 2]!.get(h);
      if (entry) entry.backoff = Math.log10(types / (ch + types));
    }
  }
  return model;
}
