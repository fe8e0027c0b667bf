import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findExecutable } from '../../src/main/pipeline/system/find-executable';
import { emptyModel, key, logProb, parseArpa, toArpa } from './ngram-model';
import { readTrieLm } from './trie-lm-reader';
import { buildWittenBell } from './witten-bell';

// The reader is checked against sphinxbase itself: its converter writes the binary, its evaluator
// scores sentences. Both come with Debian's sphinxbase-utils, needed only to regenerate the model.
const convert = findExecutable('sphinx_lm_convert');
const evaluate = findExecutable('sphinx_lm_eval');
const debianModel = '/usr/share/pocketsphinx/model/en-us/en-us.lm.bin';
const missing = !convert || !evaluate ? 'sphinxbase-utils is not installed' : null;
if (missing) process.stdout.write(`[trie-lm-reader] skipped: ${missing}\n`);
const toLog10 = Math.log10(1.0001);

describe.skipIf(missing !== null)('reading a sphinxbase trie language model', () => {
  it('gives back every n-gram of a small model sphinx_lm_convert wrote, with its probability and back-off', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trie-lm-'));
    try {
      const sentences = ['call alice tomorrow', 'call bob on friday', 'pick up the kids at four', 'call the kids'];
      const model = buildWittenBell(sentences.map((s) => s.split(' ')));
      fs.writeFileSync(path.join(dir, 'small.arpa'), toArpa(model));
      execFileSync(convert!, ['-i', path.join(dir, 'small.arpa'), '-o', path.join(dir, 'small.bin')], {
        stdio: 'ignore',
      });
      const arpa = parseArpa(fs.readFileSync(path.join(dir, 'small.arpa'), 'utf8'));
      const trie = readTrieLm(path.join(dir, 'small.bin'));
      for (let n = 1; n <= 3; n++) {
        let seen = 0;
        trie.forEach(n, (words, prob, backoff) => {
          const want = arpa.grams[n - 1]!.get(key(words));
          expect(want, words.join(' ')).toBeDefined();
          expect(prob).toBeCloseTo(want!.prob, 3);
          if (n < 3) expect(backoff).toBeCloseTo(want!.backoff, 3);
          seen++;
        });
        expect(seen).toBe(arpa.grams[n - 1]!.size);
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it.skipIf(!fs.existsSync(debianModel))('scores sentences as sphinx_lm_eval does with the Debian model', () => {
    const sentences = ['pick up the kids at four on friday', 'i need to call the dentist tomorrow morning'];
    const wanted = new Set(sentences.flatMap((s) => s.split(' ')));
    const trie = readTrieLm(debianModel);
    const model = emptyModel(3);
    for (let n = 1; n <= 3; n++) {
      trie.forEach(n, (words, prob, backoff) => {
        if (words.every((w) => wanted.has(w))) model.grams[n - 1]!.set(key(words), { prob, backoff: backoff ?? 0 });
      });
    }
    for (const sentence of sentences) {
      const out = execFileSync(evaluate!, ['-lm', debianModel, '-verbose', 'yes', '-text', sentence], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      });
      const lines = [...out.matchAll(/log P\((\S+)\|([^)]*)\) = (-?\d+)/g)];
      expect(lines.length).toBe(sentence.split(' ').length);
      for (const [, word, history, score] of lines) {
        const h = history!.trim() ? history!.trim().split(' ') : [];
        // sphinxbase rounds each score to a whole unit of log base 1.0001.
        expect(Math.abs(logProb(model, h, word!) - Number(score) * toLog10)).toBeLessThan(2 * toLog10);
      }
    }
  });
});
