import { describe, expect, it } from 'vitest';
import { mixModels } from './mix-models';
import { logProb, parseArpa, sentenceEnd, toArpa, vocabulary, type NgramModel } from './ngram-model';
import { pruneModel } from './prune-model';
import { buildWittenBell } from './witten-bell';

const corpus = [
  'call alice tomorrow',
  'call bob on friday',
  'pick up the kids at four',
  'pick up milk tomorrow',
  'call the dentist on monday',
  'the kids have soccer on friday',
].map((s) => s.split(' '));

/** Σ_w P(w | h) over the vocabulary and the end marker. */
function mass(model: NgramModel, history: readonly string[]): number {
  let sum = 0;
  for (const w of vocabulary(model)) sum += 10 ** logProb(model, history, w);
  return sum;
}

const histories = [[], ['<s>'], ['call'], ['<s>', 'call'], ['pick', 'up'], ['up', 'the'], ['on'], ['alice', 'friday']];

describe('a Witten-Bell model', () => {
  const model = buildWittenBell(corpus);

  it('gives every history a distribution that sums to one', () => {
    for (const h of histories) expect(mass(model, h)).toBeCloseTo(1, 9);
  });

  it('keeps seen continuations likelier than backing off and backs off by the unseen mass', () => {
    // "call" is followed by alice, bob, the: 3 of 3 counts, 3 types → back-off 3 / (3 + 3).
    expect(model.grams[0]!.get('call')!.backoff).toBeCloseTo(Math.log10(3 / 6), 9);
    expect(logProb(model, ['call'], 'milk')).toBeCloseTo(Math.log10(3 / 6) + logProb(model, [], 'milk'), 9);
    expect(logProb(model, ['pick', 'up'], 'the')).toBeGreaterThan(logProb(model, ['pick', 'up'], 'alice'));
    expect(logProb(model, ['<s>'], 'call')).toBeGreaterThan(logProb(model, ['<s>'], 'kids'));
  });

  it('survives a round trip through ARPA text', () => {
    const back = parseArpa(toArpa(model));
    for (const h of histories) expect(logProb(back, h, 'kids')).toBeCloseTo(logProb(model, h, 'kids'), 3);
    expect(back.grams.map((g) => g.size)).toEqual(model.grams.map((g) => g.size));
  });
});

describe('mixing two models', () => {
  const a = buildWittenBell(corpus.slice(0, 3));
  const b = buildWittenBell(corpus.slice(3));

  it('gives each n-gram the weighted sum of both models and every history still sums to one', () => {
    const mixed = mixModels(a, b, 0.3);
    const pa = (h: string[], w: string) => 10 ** logProb(a, h, w);
    const pb = (h: string[], w: string) => 10 ** logProb(b, h, w);
    for (const [h, w] of [
      [['call'], 'alice'],
      [['pick', 'up'], 'milk'],
      [['<s>'], 'the'],
      [[], sentenceEnd],
    ] as const) {
      expect(10 ** logProb(mixed, h, w)).toBeCloseTo(0.3 * pa([...h], w) + 0.7 * pb([...h], w), 4);
    }
    for (const h of histories) expect(mass(mixed, h)).toBeCloseTo(1, 9);
  });

  it('backs off exactly where neither model has the n-gram', () => {
    const mixed = mixModels(a, b, 0.5);
    const bo = mixed.grams[0]!.get('call')!.backoff;
    expect(logProb(mixed, ['call'], 'kids')).toBeCloseTo(bo + logProb(mixed, [], 'kids'), 9);
  });
});

describe('pruning a model', () => {
  const model = buildWittenBell(corpus);

  it('drops the n-grams below the threshold and renormalises what remains', () => {
    const pruned = pruneModel(model, [0.02, 0.02]);
    expect(pruned.grams[1]!.size).toBeLessThan(model.grams[1]!.size);
    expect(pruned.grams[1]!.size).toBeGreaterThan(0);
    expect(pruned.grams[0]!.size).toBe(model.grams[0]!.size);
    for (const h of histories) expect(mass(pruned, h)).toBeCloseTo(1, 9);
  });

  it('keeps nothing above unigrams with an impossible threshold, and the model is still proper', () => {
    const pruned = pruneModel(model, [2, 2]);
    expect(pruned.grams[1]!.size + pruned.grams[2]!.size).toBe(0);
    for (const h of histories) expect(mass(pruned, h)).toBeCloseTo(1, 9);
  });
});
