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
    return debianLanguageModel;
  }
  const file = path
    .join(base, memoLanguageModelFile)
    .replace(`${path.sep}app.asar${path.sep}`, `${path.sep}app.asar.unpacked${path.sep}`);
  return fs.existsSync(file) ? { file, name: 'memo language model' } : debianLanguageModel;
}
