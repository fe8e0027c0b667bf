import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PocketsphinxEngine } from './pocketsphinx-engine';
import { chooseAsrEngine } from './choose-asr-engine';
import {
  chosenLanguageModel,
  debianLanguageModel,
  defaultLanguageModel,
  memoLanguageModelFile,
  memoMissingLanguageModel,
} from './pocketsphinx-language-model';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});
const tempRoot = (withModel: boolean): string => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'lm-choice-'));
  dirs.push(root);
  if (withModel) {
    fs.mkdirSync(path.join(root, 'resources', 'asr'), { recursive: true });
    fs.writeFileSync(path.join(root, memoLanguageModelFile), '');
  }
  return root;
};

/** A stand-in decoder that writes down the arguments it was given (to `args` beside it). */
function echoDecoder(dir: string): string {
  const bin = path.join(dir, 'pocketsphinx-echo');
  fs.writeFileSync(bin, `#!/bin/sh\necho "$*" > ${path.join(dir, 'args')}\n`, { mode: 0o755 });
  return bin;
}

describe('the language model pocketsphinx decodes with', () => {
  it('is the memo model shipped in resources/asr when it is there', () => {
    const root = tempRoot(true);
    expect(defaultLanguageModel(root)).toEqual({
      file: path.join(root, memoLanguageModelFile),
      name: 'memo language model',
    });
  });

  it('is shipped: the repository holds a trigram model in sphinxbase trie binary form, at most 12 MB', () => {
    const shipped = defaultLanguageModel();
    expect(shipped.name).toBe('memo language model');
    expect(fs.statSync(shipped.file!).size).toBeLessThanOrEqual(12e6);
    const head = fs.readFileSync(shipped.file!).subarray(0, 20);
    // The header pocketsphinx checks before mapping it, then the order.
    expect(head.toString('latin1', 0, 19)).toBe('Trie Language Model');
    expect(head[19]).toBe(3);
  });

  it("falls back to Debian's general model when the memo model is missing, and says so", () => {
    expect(defaultLanguageModel(tempRoot(false))).toEqual(memoMissingLanguageModel);
    const engine = new PocketsphinxEngine({
      bin: echoDecoder(tempRoot(false)),
      languageModel: memoMissingLanguageModel,
    });
    expect(engine.languageModel.file).toBeNull();
    expect(engine.service?.label).toBe(
      "Speech recognition (pocketsphinx, Debian's general language model, as the memo model resources/asr/memo-lm.lm.bin is missing)",
    );
  });

  it('is named in the health entry and passed to the decoder as -lm', async () => {
    const root = tempRoot(true);
    const lm = defaultLanguageModel(root);
    const engine = new PocketsphinxEngine({ bin: echoDecoder(root), languageModel: lm, modelDir: root });
    expect(engine.service?.label).toBe('Speech recognition (pocketsphinx, memo language model)');
    const general = new PocketsphinxEngine({
      bin: echoDecoder(root),
      languageModel: debianLanguageModel,
      modelDir: root,
    });
    expect(general.service?.label).toBe("Speech recognition (pocketsphinx, Debian's general language model)");

    const argsOf = async (e: PocketsphinxEngine) => {
      const signal = new AbortController().signal;
      await e.transcribe({ samples: new Float32Array(1600), sampleRate: 16_000 }, { signal, tmpDir: root });
      return fs.readFileSync(path.join(root, 'args'), 'utf8');
    };
    expect(await argsOf(engine)).toContain(`-lm ${lm.file}`);
    expect(await argsOf(general)).not.toContain('-lm');
  });

  it('is the one the asr.languageModel setting names: memo (the default) or general', () => {
    const root = tempRoot(true);
    expect(chosenLanguageModel('memo', root)).toEqual({
      file: path.join(root, memoLanguageModelFile),
      name: 'memo language model',
    });
    expect(chosenLanguageModel('general', root)).toEqual(debianLanguageModel);
    expect(chosenLanguageModel('memo', tempRoot(false))).toEqual(memoMissingLanguageModel);
    expect(chosenLanguageModel('medical', root)).toBeNull();
  });

  it('follows the setting when the engine is chosen, the environment winning over the stored value', () => {
    const dir = tempRoot(false);
    const env = { LIFELINE_ASR_ENGINE: 'pocketsphinx', LIFELINE_POCKETSPHINX_BIN: echoDecoder(dir) };
    const lmOf = (e: NodeJS.ProcessEnv, stored?: Map<string, unknown>) =>
      (chooseAsrEngine(e, dir, stored) as PocketsphinxEngine).languageModel;
    expect(lmOf(env).name).toBe('memo language model');
    expect(lmOf(env, new Map([['asr.languageModel', 'general']]))).toEqual(debianLanguageModel);
    expect(
      lmOf({ ...env, LIFELINE_ASR_LANGUAGE_MODEL: 'Memo' }, new Map([['asr.languageModel', 'general']])).name,
    ).toBe('memo language model');
    // A stored value that is not a choice is read as the default (the settings service refuses to write one).
    expect(lmOf(env, new Map([['asr.languageModel', 'medical']])).name).toBe('memo language model');
    const bad = chooseAsrEngine({ ...env, LIFELINE_ASR_LANGUAGE_MODEL: 'medical' }, dir);
    expect(bad.availability()).toEqual({
      ok: false,
      reason:
        'asr.languageModel (LIFELINE_ASR_LANGUAGE_MODEL) "medical" is not a language model; use one of memo, general',
    });
  });

  it('gives way to an -lm among the decoder options', () => {
    const root = tempRoot(true);
    const engine = new PocketsphinxEngine({
      bin: echoDecoder(root),
      modelDir: root,
      decoderArgs: ['-lw', '4', '-lm', '/elsewhere/other.lm'],
      languageModel: defaultLanguageModel(root),
    });
    expect(engine.languageModel.file).toBe('/elsewhere/other.lm');
  });
});
