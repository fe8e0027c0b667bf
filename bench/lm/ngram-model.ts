/**
 * A back-off n-gram model as ARPA files hold it: per order, explicit n-grams with a log10 probability
 * and (below the highest order) a log10 back-off weight. Keys are the words joined by single spaces.
 */
export interface NgramEntry {
  /** log10 P(w | h). */
  prob: number;
  /** log10 back-off weight of this n-gram as a history (0 when it is never one). */
  backoff: number;
}

export interface NgramModel {
  order: number;
  /** `grams[n - 1]!` holds the n-grams. */
  grams: Map<string, NgramEntry>[];
}

export const sentenceStart = '<s>';
export const sentenceEnd = '</s>';
/** ARPA's "never" for the start marker, which is only ever a history. */
const startProb = -99;

export function emptyModel(order: number): NgramModel {
  return { order, grams: Array.from({ length: order }, () => new Map<string, NgramEntry>()) };
}

/** log10 P(word | history) with back-off, as a decoder computes it; -Infinity for an unknown word. */
export function logProb(model: NgramModel, history: readonly string[], word: string): number {
  const h = history.slice(Math.max(0, history.length - (model.order - 1)));
  let penalty = 0;
  for (let start = 0; start <= h.length; start++) {
    const context = h.slice(start);
    const hit = model.grams[context.length]!.get(key([...context, word]));
    if (hit) return hit.prob + penalty;
    // Backing off from this context costs its weight (zero when the context is not an n-gram).
    if (context.length > 0) penalty += model.grams[context.length - 1]!.get(key(context))?.backoff ?? 0;
  }
  return -Infinity;
}

export const key = (words: readonly string[]): string => words.join(' ');

/** The words a model can predict (every unigram but the start marker). */
export function vocabulary(model: NgramModel): string[] {
  return [...model.grams[0]!.keys()].filter((w) => w !== sentenceStart);
}

/**
 * Sets every back-off weight so each history's distribution sums to one again, given the explicit
 * probabilities (after pruning or mixing): bo(h) = (1 − Σ P(w|h)) / (1 − Σ P(w|h′)) over the words w
 * seen after h, h′ being h without its first word. Lower orders first, since h′ uses them.
 */
export function renormaliseBackoffs(model: NgramModel): void {
  for (let n = 1; n < model.order; n++) {
    const seen = new Map<string, string[]>();
    for (const k of model.grams[n]!.keys()) {
      const cut = k.lastIndexOf(' ');
      const list = seen.get(k.slice(0, cut));
      if (list) list.push(k.slice(cut + 1));
      else seen.set(k.slice(0, cut), [k.slice(cut + 1)]);
    }
    for (const [h, entry] of model.grams[n - 1]!) {
      const followers = seen.get(h);
      if (!followers) {
        entry.backoff = 0;
        continue;
      }
      const shorter = h.split(' ').slice(1);
      let explicit = 0;
      let lower = 0;
      for (const w of followers) {
        explicit += 10 ** model.grams[n]!.get(`${h} ${w}`)!.prob;
        lower += 10 ** logProb(model, shorter, w);
      }
      // Rounding can leave no mass to give; a tiny weight keeps the model proper enough to decode.
      const left = Math.max(1 - explicit, 1e-9);
      const right = Math.max(1 - lower, 1e-9);
      entry.backoff = Math.log10(left / right);
    }
  }
}

/** ARPA text, n-grams sorted, four decimals as sphinxbase writes them. */
export function toArpa(model: NgramModel): string {
  const out: string[] = ['\\data\\'];
  model.grams.forEach((g, i) => out.push(`ngram ${i + 1}=${g.size}`));
  model.grams.forEach((g, i) => {
    out.push('', `\\${i + 1}-grams:`);
    const last = i === model.order - 1;
    for (const k of [...g.keys()].sort()) {
      const e = g.get(k)!;
      const words = k.split(' ').join('\t');
      // A zero back-off may be left out (ARPA allows it; sphinxbase reads it as 0): most pruned bigrams have one.
      const backoff = last || fmt(e.backoff) === '0.0000' || fmt(e.backoff) === '-0.0000' ? '' : `\t${fmt(e.backoff)}`;
      out.push(`${fmt(e.prob)}\t${words}${backoff}`);
    }
  });
  out.push('', '\\end\\', '');
  return out.join('\n');
}

const fmt = (x: number): string => (x <= startProb ? startProb.toFixed(4) : x.toFixed(4));

export function parseArpa(text: string): NgramModel {
  const lines = text.split('\n');
  const counts: number[] = [];
  let i = lines.indexOf('\\data\\') + 1;
  for (; /^ngram \d+=\d+/.test(lines[i]!); i++) counts.push(Number(lines[i]!.split('=')[1]));
  const model = emptyModel(counts.length);
  let n = 0;
  for (; i < lines.length; i++) {
    const line = lines[i]!.trim();
    const header = /^\\(\d+)-grams:$/.exec(line);
    if (header) n = Number(header[1]);
    else if (n > 0 && line && !line.startsWith('\\')) {
      const parts = line.split(/\s+/);
      const words = parts.slice(1, 1 + n);
      const backoff = parts.length > n + 1 ? Number(parts[n + 1]!) : 0;
      model.grams[n - 1]!.set(key(words), { prob: Number(parts[0]!), backoff });
    }
  }
  return model;
}

export { startProb };
