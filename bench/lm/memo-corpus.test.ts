import { describe, expect, it } from 'vitest';
import { heldOutSentences } from '../memory-corpus';
import { fiveGrams, memoCorpus, memoWords, withoutProtected } from './memo-corpus';
import { memoLmCorpus } from './memo-lm-recipe';

describe('the memo language model corpus', () => {
  it('never holds a held-out sentence, nor five words in a row of one', () => {
    const corpus = memoLmCorpus();
    const sentences = new Set(corpus);
    const grams = new Set(corpus.flatMap((s) => fiveGrams(s.split(' '))));
    const leaks: string[] = [];
    for (const { text } of heldOutSentences) {
      const words = memoWords(text);
      if (sentences.has(words.join(' '))) leaks.push(words.join(' '));
      for (const g of fiveGrams(words)) if (grams.has(g)) leaks.push(g);
    }
    // Counted, never printed: the held-out words stay out of logs.
    expect(leaks.length).toBe(0);
  });

  it('drops a generated sentence that shares five words in a row with a protected one, and only those', () => {
    const kept = withoutProtected(
      ['call the dentist on monday at nine', 'call the dentist on friday', 'pay the rent'],
      ['Please call the dentist on Monday.', 'Pay the rent!'],
    );
    expect(kept).toEqual(['call the dentist on friday']);
  });

  it('is the same on every build and speaks in lower-case words only', () => {
    expect(memoCorpus(500)).toEqual(memoCorpus(500));
    for (const s of memoCorpus(5000)) expect(s).toMatch(/^[a-z']+( [a-z']+)*$/);
  });
});
