import os from 'node:os';
import { describe, expect, it } from 'vitest';
import type { Memory } from '../../src/shared/contract';
import { PocketsphinxEngine } from '../../src/main/pipeline/asr/pocketsphinx-engine';
import { decodeAudioFile } from '../../src/main/pipeline/audio/decode-audio';
import { RulesExtractor } from '../../src/main/pipeline/extract/rules-extractor';
import { scoreExtraction, type ExtractionScore } from '../../src/main/pipeline/quality/extraction-score';
import { wordErrorRate } from '../../src/main/pipeline/quality/word-error-rate';
import { festivalMissing, speak } from '../support/festival-speech';
import { recordedAt, speechCorpus } from '../support/speech-corpus';

const engine = new PocketsphinxEngine();
const missing =
  festivalMissing() ?? (engine.availability().ok ? null : (engine.availability() as { reason: string }).reason);
if (missing) process.stdout.write(`[pipeline-speech] skipped: ${missing}\n`);

async function extractEach(texts: readonly string[]): Promise<Memory[][]> {
  const rules = new RulesExtractor();
  const signal = new AbortController().signal;
  return Promise.all(
    texts.map((text) => rules.extract({ text, segments: [{ start: 0, end: 1, text }] }, { recordedAt, signal })),
  );
}

const show = (s: ExtractionScore) =>
  `to-do recall ${(100 * s.todoRecall).toFixed(0)}%, to-do precision ${(100 * s.todoPrecision).toFixed(0)}%, dates right ${(100 * s.dateAccuracy).toFixed(0)}%`;

describe.skipIf(missing !== null)('real speech from festival through pocketsphinx and the rules extractor', () => {
  const hypotheses: string[] = [];

  it('transcribes twelve spoken sentences with a word error rate of at most 25 %', async () => {
    const tmpDir = os.tmpdir();
    const signal = AbortSignal.timeout(240_000);
    for (const { text } of speechCorpus) {
      const audio = await decodeAudioFile(speak(text), 'sentence.wav', { signal });
      const segments = await engine.transcribe(audio, { signal, tmpDir });
      hypotheses.push(segments.map((s) => s.text).join(' '));
    }
    const r = wordErrorRate(speechCorpus.map((c, i) => ({ reference: c.text, hypothesis: hypotheses[i]! })));
    process.stdout.write(
      `[pipeline-speech] pocketsphinx WER ${(100 * r.wer).toFixed(1)}% (${r.errors} errors in ${r.words} words)\n`,
    );
    for (const [i, h] of hypotheses.entries()) process.stdout.write(`  ref: ${speechCorpus[i]!.text}\n  hyp: ${h}\n`);
    expect(r.wer).toBeLessThanOrEqual(0.25);
  }, 300_000);

  it('finds every to-do and resolves every date from the reference text', async () => {
    const score = scoreExtraction(
      speechCorpus.map((c) => c.expected),
      await extractEach(speechCorpus.map((c) => c.text)),
    );
    process.stdout.write(`[pipeline-speech] extraction from the reference text: ${show(score)}\n`);
    expect(score).toEqual({ todoRecall: 1, todoPrecision: 1, dateAccuracy: 1 });
  });

  it("finds the to-dos and most dates from pocketsphinx's own transcripts", async () => {
    expect(hypotheses, 'the transcription test runs first').toHaveLength(speechCorpus.length);
    const score = scoreExtraction(
      speechCorpus.map((c) => c.expected),
      await extractEach(hypotheses),
    );
    process.stdout.write(`[pipeline-speech] extraction from pocketsphinx output: ${show(score)}\n`);
    expect(score.todoRecall).toBeGreaterThanOrEqual(0.85);
    expect(score.todoPrecision).toBeGreaterThanOrEqual(0.85);
    expect(score.dateAccuracy).toBeGreaterThanOrEqual(0.6);
  });
});
