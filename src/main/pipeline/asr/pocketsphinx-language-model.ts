import fs from 'node:fs';
import path from 'node:path';
import { packageRoot } from '../../config/app-paths';

/** The language model pocketsphinx decodes with, and how it is named to people. */
export interface PocketsphinxLanguageModel {
  /** A model file passed as `-lm` (trie binary or ARPA), or null for Debian's built-in general model. */
  file: string | null;
  /** For the health entry, e.g. "memo language model". */
  name: string;
}

/** sphinxbase's trie binary (by its `.bin` ending): mapped at each start where ARPA would be parsed. */
export const memoLanguageModelFile = path.join('resources', 'asr', 'memo-lm.lm.bin');

export const debianLanguageModel: PocketsphinxLanguageModel = { file: null, name: "Debian's general language model" };

/** What decodes when the memo model was chosen but is not there: Debian's, and the health entry says why. */
export const memoMissingLanguageModel: PocketsphinxLanguageModel = {
  file: null,
  name: `Debian's general language model, as the memo model ${memoLanguageModelFile} is missing`,
};

/**
 * The memo language model shipped in resources/asr (`npm run build:lm`: Debian's general English
 * model mixed with a model of memo speech; docs/pipeline.md) when it is there, else Debian's own.
 * In a packaged app it lies beside app.asar (unpacked), where a child process can read it.
 */
export function defaultLanguageModel(root?: string): PocketsphinxLanguageModel {
  let base: string;
  try {
    base = root ?? packageRoot(__dirname);
  } catch {
    return memoMissingLanguageModel;
  }
  const file = path
    .join(base, memoLanguageModelFile)
    .replace(`${path.sep}app.asar${path.sep}`, `${path.sep}app.asar.unpacked${path.sep}`);
  return fs.existsSync(file) ? { file, name: 'memo language model' } : memoMissingLanguageModel;
}

/**
 * The model the `asr.languageModel` setting names: `general` is Debian's (better on ordinary speech),
 * `memo` the shipped memo model (better on voice memos; docs/pipeline.md has the figures). Null for a
 * name that is neither.
 */
export function chosenLanguageModel(choice: string, root?: string): PocketsphinxLanguageModel | null {
  switch (choice) {
    case 'general':
      return debianLanguageModel;
    case 'memo':
      return defaultLanguageModel(root);
    default:
      return null;
  }
}
