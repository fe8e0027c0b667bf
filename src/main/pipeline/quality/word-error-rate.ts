import { wordsToNumber } from '../extract/normalise-transcript';

/**
 * Word error rate (pure): word-level edit distance between a reference and a hypothesis, after
 * both are normalised the same way (case, punctuation, "p.m." → "pm", number words → digits), so
 * "Three P.M." and "3 pm" count as the same words.
 */
export function normaliseWords(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/\b([ap])\.\s?m\b\.?/g, '$1m')
    .replace(/[^\p{L}\p{N}'\s-]/gu, ' ')
    .split(/[\s-]+/)
    .map((w) => w.replace(/^'+|'+$/g, ''))
    .filter(Boolean)
    .map((w) => {
      const n = wordsToNumber(w);
      return n === null ? w : String(n);
    });
}

/** Insertions + deletions + substitutions turning `ref` into `hyp` (Levenshtein over words). */
export function wordEditDistance(ref: readonly string[], hyp: readonly string[]): number {
  let prev = Array.from({ length: hyp.length + 1 }, (_, j) => j);
  for (let i = 1; i <= ref.length; i++) {
    const cur = [i];
    for (let j = 1; j <= hyp.length; j++) {
      const sub = prev[j - 1]! + (ref[i - 1] === hyp[j - 1] ? 0 : 1);
      cur.push(Math.min(sub, prev[j]! + 1, cur[j - 1]! + 1));
    }
    prev = cur;
  }
  return prev[hyp.length]!;
}

export interface WerResult {
  errors: number;
  words: number;
  /** errors / words (0 when the reference is empty and the hypothesis too). */
  wer: number;
}

/** WER over pairs of (reference, hypothesis): total errors over total reference words. */
export function wordErrorRate(pairs: readonly { reference: string; hypothesis: string }[]): WerResult {
  let errors = 0;
  let words = 0;
  for (const p of pairs) {
    const ref = normaliseWords(p.reference);
    errors += wordEditDistance(ref, normaliseWords(p.hypothesis));
    words += ref.length;
  }
  return { errors, words, wer: words === 0 ? (errors === 0 ? 0 : 1) : errors / words };
}
