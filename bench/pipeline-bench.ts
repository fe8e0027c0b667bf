import os from 'node:os';
import type { Memory } from '../src/shared/contract';
import { PocketsphinxEngine } from '../src/main/pipeline/asr/pocketsphinx-engine';
import { decodeAudioFile } from '../src/main/pipeline/audio/decode-audio';
import { resample } from '../src/main/pipeline/audio/resample';
import { RulesExtractor } from '../src/main/pipeline/extract/rules-extractor';
import { scoreExtraction } from '../src/main/pipeline/quality/extraction-score';
import { wordErrorRate } from '../src/main/pipeline/quality/word-error-rate';
import { festivalMissing, speak } from '../test/support/festival-speech';
import { recordedAt, speechCorpus } from '../test/support/speech-corpus';
import { fmt, report, type BenchRow } from './bench-table';

const pct = (x: number) => `${fmt(100 * x, 1)} %`;

async function extractEach(texts: readonly string[]): Promise<Memory[][]> {
  const rules = new RulesExtractor();
  const signal = new AbortController().signal;
  return Promise.all(
    texts.map((text) => rules.extract({ text, segments: [{ start: 0, end: 1, text }] }, { recordedAt, signal })),
  );
}

/**
 * The pipeline's quality and speed on festival speech: pocketsphinx real-time factor (processing
 * time / audio time, lower is faster) and WER, rules-extraction scores from the reference text and
 * from the engine's transcripts, and the resampler's throughput. --quick uses half the sentences.
 */
export async function pipelineBench(quick: boolean): Promise<void> {
  const rows: BenchRow[] = [];
  const x = Float32Array.from({ length: 44100 * (quick ? 60 : 300) }, (_, i) => Math.sin(i / 9));
  const t0 = performance.now();
  resample(x, 44100, 16000);
  const resampleSec = (performance.now() - t0) / 1000;
  rows.push({
    name: 'resample 44.1 → 16 kHz',
    value: `${fmt(x.length / 44100 / resampleSec, 0)}× real time`,
    note: `${fmt(x.length / 44100, 0)} s of audio`,
  });

  const engine = new PocketsphinxEngine();
  const missing = festivalMissing() ?? (engine.availability().ok ? null : 'pocketsphinx is not installed');
  if (missing) {
    rows.push({ name: 'pocketsphinx', value: 'skipped', note: missing });
    report('Pipeline', 'pipeline', rows, { skipped: missing });
    return;
  }
  const corpus = quick ? speechCorpus.slice(0, 6) : speechCorpus;
  const files = corpus.map((c) => speak(c.text)); // cached under .cache/festival
  const hypotheses: string[] = [];
  let audioSec = 0;
  let asrSec = 0;
  for (const file of files) {
    const audio = await decodeAudioFile(file, 'sentence.wav');
    audioSec += audio.durationSec;
    const t = performance.now();
    const segments = await engine.transcribe(audio, { signal: AbortSignal.timeout(120_000), tmpDir: os.tmpdir() });
    asrSec += (performance.now() - t) / 1000;
    hypotheses.push(segments.map((s) => s.text).join(' '));
  }
  const wer = wordErrorRate(corpus.map((c, i) => ({ reference: c.text, hypothesis: hypotheses[i]! })));
  const expected = corpus.map((c) => c.expected);
  const fromRef = scoreExtraction(expected, await extractEach(corpus.map((c) => c.text)));
  const fromAsr = scoreExtraction(expected, await extractEach(hypotheses));
  rows.push(
    {
      name: 'pocketsphinx real-time factor',
      value: fmt(asrSec / audioSec, 2),
      note: `${fmt(asrSec, 1)} s for ${fmt(audioSec, 1)} s of speech, ${corpus.length} sentences (incl. process start)`,
    },
    { name: 'pocketsphinx WER', value: pct(wer.wer), note: `${wer.errors} errors / ${wer.words} words` },
    { name: 'to-do recall (reference text)', value: pct(fromRef.todoRecall) },
    { name: 'to-do precision (reference text)', value: pct(fromRef.todoPrecision) },
    { name: 'dates right (reference text)', value: pct(fromRef.dateAccuracy) },
    { name: 'to-do recall (pocketsphinx text)', value: pct(fromAsr.todoRecall) },
    { name: 'to-do precision (pocketsphinx text)', value: pct(fromAsr.todoPrecision) },
    { name: 'dates right (pocketsphinx text)', value: pct(fromAsr.dateAccuracy) },
  );
  report('Pipeline: speech (festival SLT voice → pocketsphinx → rules extractor)', 'pipeline', rows, {
    realTimeFactor: asrSec / audioSec,
    wer,
    extraction: { fromReference: fromRef, fromPocketsphinx: fromAsr },
    resampleTimesRealTime: x.length / 44100 / resampleSec,
  });
}
