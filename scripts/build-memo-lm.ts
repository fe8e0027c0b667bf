/**
 * `npm run build:lm [-- --lambda 0.5 --prune 2e-7,2e-7 --out resources/asr/memo-lm.lm.bin]`: builds
 * the language model pocketsphinx uses for memos. Reads Debian's general English model (the trie
 * binary of pocketsphinx-en-us), prunes its bigrams and trigrams, builds a Witten-Bell trigram model
 * of the memo corpus (bench/lm/memo-corpus.ts) and mixes the two linearly, SRILM -mix-lm style. The
 * mix is written as gzipped ARPA (beside the output, `.arpa.gz`, or to --arpa) and converted to
 * sphinxbase's trie binary, which pocketsphinx maps instead of parsing (a start of 0.2 s, not 0.8 s).
 * Needs pocketsphinx-en-us and, for the conversion, Debian's sphinxbase-utils (`sphinx_lm_convert`):
 * only to regenerate; CI never does. Run it when the corpus or the recipe changes; commit only the .bin.
 * --out ending in .arpa.gz skips the conversion.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { memoLmCorpus, memoLmRecipe } from '../bench/lm/memo-lm-recipe';
import { mixModels } from '../bench/lm/mix-models';
import { emptyModel, key, renormaliseBackoffs, toArpa, type NgramModel } from '../bench/lm/ngram-model';
import { keepNgram } from '../bench/lm/prune-model';
import { readTrieLm } from '../bench/lm/trie-lm-reader';
import { buildWittenBell } from '../bench/lm/witten-bell';
import { findExecutable } from '../src/main/pipeline/system/find-executable';

const modelDir = '/usr/share/pocketsphinx/model/en-us';
const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const lambda = Number(arg('lambda') ?? memoLmRecipe.lambda);
const thresholds = (arg('prune')?.split(',').map(Number) ?? memoLmRecipe.pruneThresholds) as number[];
const out = path.resolve(arg('out') ?? path.join(__dirname, '..', 'resources', 'asr', 'memo-lm.lm.bin'));
const arpaOnly = out.endsWith('.arpa.gz');
const arpa = arpaOnly
  ? out
  : path.resolve(arg('arpa') ?? path.join(__dirname, '..', '.cache', 'lm', `${path.basename(out, '.lm.bin')}.arpa.gz`));
const started = Date.now();
const step = (what: string) => console.log(`${((Date.now() - started) / 1000).toFixed(1)} s  ${what}`);

/** The general model, pruned while it is read: all of orders 1–2 in memory, trigrams streamed. */
function prunedGeneral(): NgramModel {
  const trie = readTrieLm(path.join(modelDir, 'en-us.lm.bin'));
  const full = emptyModel(3);
  for (const n of [1, 2]) {
    trie.forEach(n, (words, prob, backoff) => full.grams[n - 1]!.set(key(words), { prob, backoff: backoff ?? 0 }));
  }
  step(`general model read: ${trie.counts.join(' / ')} n-grams`);
  const pruned = emptyModel(3);
  for (const [k, e] of full.grams[0]!) pruned.grams[0]!.set(k, { ...e });
  for (const [k, e] of full.grams[1]!) {
    if (keepNgram(full, pruned, k.split(' '), e.prob, thresholds[0]!)) pruned.grams[1]!.set(k, { ...e });
  }
  trie.forEach(3, (words, prob) => {
    if (keepNgram(full, pruned, words, prob, thresholds[1]!)) pruned.grams[2]!.set(key(words), { prob, backoff: 0 });
  });
  renormaliseBackoffs(pruned);
  step(`general model pruned to ${pruned.grams.map((g) => g.size).join(' / ')}`);
  return pruned;
}

function main(): void {
  const convert = arpaOnly ? null : findExecutable('sphinx_lm_convert');
  if (!arpaOnly && !convert)
    throw new Error('sphinx_lm_convert is missing: install sphinxbase-utils, or pass --out x.arpa.gz for ARPA only');
  const general = prunedGeneral();
  const dictionary = new Set(
    fs
      .readFileSync(path.join(modelDir, 'cmudict-en-us.dict'), 'utf8')
      .split('\n')
      .map((l) => l.split(' ')[0]),
  );
  const corpus = memoLmCorpus();
  // A word the decoder cannot say or the general model does not know would be a dead end.
  const unknown = new Set<string>();
  const usable = corpus.filter((s) =>
    s.split(' ').every((w) => (general.grams[0]!.has(w) && dictionary.has(w)) || (unknown.add(w), false)),
  );
  if (unknown.size)
    console.log(`dropped ${corpus.length - usable.length} sentences for unknown words: ${[...unknown].join(', ')}`);
  const domain = buildWittenBell(usable.map((s) => s.split(' ')));
  step(`domain model: ${usable.length} sentences, ${domain.grams.map((g) => g.size).join(' / ')} n-grams`);
  const mixed = mixModels(domain, general, lambda);
  step(`mixed at λ = ${lambda}: ${mixed.grams.map((g) => g.size).join(' / ')} n-grams`);
  const text = `# Lifeline memo LM: Debian en-us pruned (${thresholds.join(', ')}) mixed with the memo corpus at ${lambda}\n${toArpa(mixed)}`;
  fs.mkdirSync(path.dirname(arpa), { recursive: true });
  fs.writeFileSync(arpa, zlib.gzipSync(text, { level: 9 }));
  step(`wrote ${arpa}: ${(fs.statSync(arpa).size / 1e6).toFixed(2)} MB (${(text.length / 1e6).toFixed(1)} MB as text)`);
  if (!convert) return;
  fs.mkdirSync(path.dirname(out), { recursive: true });
  execFileSync(convert, ['-i', arpa, '-o', out], { stdio: 'ignore' });
  step(`converted to ${out}: ${(fs.statSync(out).size / 1e6).toFixed(2)} MB trie binary`);
}

main();
