import os from 'node:os';
import type { Memory, TranscriptSegment } from '../src/shared/contract';
import type { AsrEngine } from '../src/main/pipeline/asr/asr-engine';
import { pocketsphinxDecoderArgs } from '../src/main/pipeline/asr/pocketsphinx-engine';
import { CachedDecoder, debianGeneralLm } from './memory-decode-cache';
import { planChunks } from '../src/main/pipeline/audio/chunk-plan';
import { decodeAudioFile } from '../src/main/pipeline/audio/decode-audio';
import { speechRate, type PcmAudio } from '../src/main/pipeline/audio/pcm-audio';
import { RulesExtractor } from '../src/main/pipeline/extract/rules-extractor';
import { wordErrorRate, type WerResult } from '../src/main/pipeline/quality/word-error-rate';
import { festivalMissing, speak, type SpeakingStyle } from '../test/support/festival-speech';
import { fmt, report, type BenchRow } from './bench-table';
import {
  addScores,
  emptyScore,
  memoriesBySentence,
  scoreRecording,
  type MemoryScore,
  type PlacedSentence,
} from './memory-bench-score';
import {
  corpusRecordedAt,
  generalSentences,
  heldOutSentences,
  tuningSentences,
  type SpokenMemory,
} from './memory-corpus';

/** Three festival voices, three speaking rates (Debian: festvox-us-slt-hts, festvox-kallpc16k, festvox-kdlpc16k). */
export const benchStyles: readonly (SpeakingStyle & { label: string })[] = [
  { label: 'SLT (female, HTS)', voice: 'voice_cmu_us_slt_arctic_hts' },
  { label: 'KAL (male, diphone, faster)', voice: 'voice_kal_diphone', stretch: 0.9 },
  { label: 'KED (male, diphone, slower)', voice: 'voice_ked_diphone', stretch: 1.15 },
];

/** Pauses between sentences, cycled: a short one tests the utterance cut, a long one the decoder's own. */
const gaps = [0.25, 0.5, 0.8];
/** Sentences per recording: about 35 s, so recordings cross a transcription chunk boundary. */
const perRecording = 10;

export interface SpokenRecording {
  audio: PcmAudio;
  placed: PlacedSentence[];
}

/** Sentences spoken in one style and joined into recordings, each sentence's place in it kept. */
export async function speakRecordings(
  sentences: readonly SpokenMemory[],
  style: SpeakingStyle,
): Promise<SpokenRecording[]> {
  const out: SpokenRecording[] = [];
  for (let from = 0; from < sentences.length; from += perRecording) {
    const parts: Float32Array[] = [];
    const placed: PlacedSentence[] = [];
    let t = 0;
    for (const [k, sentence] of sentences.slice(from, from + perRecording).entries()) {
      if (k > 0) {
        const gap = gaps[k % gaps.length]!;
        parts.push(new Float32Array(Math.round(gap * speechRate)));
        t += gap;
      }
      const audio = await decodeAudioFile(speak(sentence.text, style), 'sentence.wav');
      parts.push(audio.samples);
      placed.push({ sentence, start: t, end: t + audio.durationSec });
      t += audio.durationSec;
    }
    const samples = new Float32Array(parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const p of parts) {
      samples.set(p, at);
      at += p.length;
    }
    out.push({ audio: { samples, sampleRate: speechRate }, placed });
  }
  return out;
}

/** Transcribes a recording as the transcribe stage does: chunks cut at silences, times offset per chunk. */
export async function transcribeRecording(engine: AsrEngine, audio: PcmAudio): Promise<TranscriptSegment[]> {
  const segments: TranscriptSegment[] = [];
  for (const [from, to] of planChunks(audio.samples, audio.sampleRate)) {
    const offset = from / audio.sampleRate;
    const raw = await engine.transcribe(
      { samples: audio.samples.subarray(from, to), sampleRate: audio.sampleRate },
      { signal: AbortSignal.timeout(300_000), tmpDir: os.tmpdir() },
    );
    segments.push(...raw.map((s) => ({ ...s, start: s.start + offset, end: s.end + offset })));
  }
  return segments;
}

/**
 * Each TUNING sentence as pocketsphinx heard it, in every voice, with the memories the rules made of
 * its recording: for the miss printers (held-out is never listed, only scored as a whole).
 */
export async function eachTuningSentenceHeard(
  engine: AsrEngine,
  visit: (voice: string, sentence: SpokenMemory, got: Memory[]) => void,
): Promise<void> {
  const rules = new RulesExtractor();
  const signal = new AbortController().signal;
  for (const style of benchStyles) {
    for (const rec of await speakRecordings(tuningSentences, style)) {
      const segments = await transcribeRecording(engine, rec.audio);
      const text = segments.map((x) => x.text).join(' ');
      const memories = await rules.extract({ text, segments }, { recordedAt: corpusRecordedAt, signal });
      memoriesBySentence(rec.placed, memories).forEach((got, i) =>
        visit(style.voice.slice(6, 9), rec.placed[i]!.sentence, got),
      );
    }
  }
}

export interface SetResult {
  fromReference: MemoryScore;
  fromAsr: MemoryScore;
  wer: WerResult;
  /** WER per speaking style, in the order given. */
  werByStyle: WerResult[];
  /** Memories from pocketsphinx per speaking style, in the order given. */
  fromAsrByStyle: MemoryScore[];
}

export const werText = (w: WerResult) => `${fmt(100 * w.wer, 1)} %`;
export const pct = (a: number, b: number) => (b === 0 ? '–' : `${fmt((100 * a) / b, 1)} %`);

/** `fn` over `items`, at most `limit` at a time, results in order. */
async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

export async function runSet(
  sentences: readonly SpokenMemory[],
  styles: readonly SpeakingStyle[],
  engine: AsrEngine,
): Promise<SetResult> {
  const rules = new RulesExtractor();
  const signal = new AbortController().signal;
  const extract = (segments: TranscriptSegment[]) =>
    rules.extract({ text: segments.map((s) => s.text).join(' '), segments }, { recordedAt: corpusRecordedAt, signal });
  const recordings: SpokenRecording[] = [];
  for (const style of styles) recordings.push(...(await speakRecordings(sentences, style)));
  // One decoder per core: pocketsphinx is single-threaded.
  const transcripts = await mapLimit(recordings, Math.max(1, Math.min(2, os.cpus().length)), (rec) =>
    transcribeRecording(engine, rec.audio),
  );
  let fromReference = emptyScore();
  let fromAsr = emptyScore();
  const fromAsrByStyle = styles.map(() => emptyScore());
  const pairs: { reference: string; hypothesis: string }[] = [];
  const perStyle = recordings.length / styles.length;
  for (const [i, rec] of recordings.entries()) {
    // A perfect engine that hears each sentence as one segment: extraction on its own (once per sentence, not per voice).
    if (i < perStyle) {
      fromReference = addScores(
        fromReference,
        scoreRecording(
          rec.placed,
          await extract(rec.placed.map((p) => ({ start: p.start, end: p.end, text: p.sentence.text }))),
        ),
      );
    }
    const segments = transcripts[i]!;
    const score = scoreRecording(rec.placed, await extract(segments));
    fromAsr = addScores(fromAsr, score);
    const k = Math.floor(i / perStyle);
    fromAsrByStyle[k] = addScores(fromAsrByStyle[k]!, score);
    pairs.push({
      reference: rec.placed.map((p) => p.sentence.text).join(' '),
      hypothesis: segments.map((s) => s.text).join(' '),
    });
  }
  const werByStyle = styles.map((_, k) => wordErrorRate(pairs.slice(k * perStyle, (k + 1) * perStyle)));
  return { fromReference, fromAsr, wer: wordErrorRate(pairs), werByStyle, fromAsrByStyle };
}

/** One figure for both sets: held-out first, tuned-on second. */
function row(name: string, held: string, tuned: string, note?: string): BenchRow {
  return { name, value: `${held.padStart(8)} | ${tuned.padStart(8)}`, note };
}

function scoreRows(label: string, h: MemoryScore, t: MemoryScore): BenchRow[] {
  return [
    row(`${label}: kinds right (to-do/event/fact)`, pct(h.kindsRight, h.sentences), pct(t.kindsRight, t.sentences)),
    row(`${label}: dates right (day, and hour if said)`, pct(h.datesRight, h.dated), pct(t.datesRight, t.dated)),
    row(`${label}: invented times or dates`, String(h.inventedTimes), String(t.inventedTimes)),
    row(`${label}: memories longer than their utterance`, String(h.longerThanUtterance), String(t.longerThanUtterance)),
    row(
      `${label}: memories from an utterance over 2 sentences`,
      String(h.spanningSentences),
      String(t.spanningSentences),
    ),
    row(`${label}: sentences cut into 2+ utterances`, String(h.splitSentences), String(t.splitSentences)),
    row(`${label}: people found`, pct(h.peopleFound, h.peopleExpected), pct(t.peopleFound, t.peopleExpected)),
    row(`${label}: false people`, String(h.falsePeople), String(t.falsePeople)),
  ];
}

/**
 * Memories a person can trust: tuning and held-out sentences (bench/memory-corpus.ts) spoken by three
 * festival voices, joined into ~35 s recordings, transcribed by the real pocketsphinx engine and
 * extracted by the rules; also extracted from the reference text. --quick: one voice, one recording per set.
 */
export async function memoryBench(quick: boolean): Promise<void> {
  // Decodes are cached by options and audio (bench/memory-decode-cache.ts): a rerun decodes only what changed.
  const engine = new CachedDecoder(pocketsphinxDecoderArgs);
  const missing = festivalMissing() ?? (engine.availability().ok ? null : 'pocketsphinx is not installed');
  if (missing) {
    report('Memories: held-out | tuned-on', 'memories', [{ name: 'memories', value: 'skipped', note: missing }], {
      skipped: missing,
    });
    return;
  }
  // A voice festival lacks (its festvox package is not installed) is left out and named.
  const speaks = (style: SpeakingStyle) => {
    try {
      speak('one', style);
      return true;
    } catch {
      return false;
    }
  };
  const wanted = quick ? benchStyles.slice(0, 1) : benchStyles;
  const styles = wanted.filter(speaks);
  const absent = wanted.filter((s) => !styles.includes(s)).map((s) => s.label);
  if (styles.length === 0) {
    report(
      'Memories: held-out | tuned-on',
      'memories',
      [{ name: 'memories', value: 'skipped', note: 'no festival voice speaks' }],
      { skipped: 'no voice' },
    );
    return;
  }
  const t0 = performance.now();
  const heldOut = quick ? heldOutSentences.slice(0, perRecording) : heldOutSentences;
  const tuning = quick ? tuningSentences.slice(0, perRecording) : tuningSentences;
  const held = await runSet(heldOut, styles, engine);
  const tuned = await runSet(tuning, styles, engine);
  // The same options with Debian's general language model (the default before the memo model), on
  // one voice: what the memo model gains, held-out and tuned-on.
  const debian = new CachedDecoder([...pocketsphinxDecoderArgs, '-lm', debianGeneralLm]);
  // Ordinary speech outside the memo domain, on the tuning side: what the memo model costs it.
  const general = quick ? null : await runSet(generalSentences, styles, engine);
  const generalBefore = quick ? null : await runSet(generalSentences, styles, debian);
  const baseline = {
    held: (await runSet(heldOut, styles.slice(0, 1), debian)).wer,
    tuned: (await runSet(tuning, styles.slice(0, 1), debian)).wer,
  };
  const rows: BenchRow[] = [
    row('sentences', String(heldOut.length), String(tuning.length), `× ${styles.map((s) => s.label).join(', ')}`),
    row(
      'pocketsphinx WER',
      `${fmt(100 * held.wer.wer, 1)} %`,
      `${fmt(100 * tuned.wer.wer, 1)} %`,
      `${held.wer.errors}/${held.wer.words} | ${tuned.wer.errors}/${tuned.wer.words} words, ${engine.languageName}, ${pocketsphinxDecoderArgs.join(' ')}`,
    ),
    ...styles.map((style, k) => row(`  ${style.label}`, werText(held.werByStyle[k]!), werText(tuned.werByStyle[k]!))),
    row(
      `  ${styles[0]!.label}, Debian's general model`,
      werText(baseline.held),
      werText(baseline.tuned),
      'the language model the memo model replaces',
    ),
    ...(general
      ? [
          row(
            '  general sentences (not memos)',
            '–',
            werText(general.wer),
            `${generalSentences.length} sentences; ${werText(generalBefore!.wer)} with Debian's general model`,
          ),
        ]
      : []),
    ...scoreRows('pocketsphinx', held.fromAsr, tuned.fromAsr),
    ...styles.flatMap((style, k) => {
      const h = held.fromAsrByStyle[k]!;
      const t = tuned.fromAsrByStyle[k]!;
      return [
        row(`  ${style.label}: kinds right`, pct(h.kindsRight, h.sentences), pct(t.kindsRight, t.sentences)),
        row(`  ${style.label}: dates right`, pct(h.datesRight, h.dated), pct(t.datesRight, t.dated)),
      ];
    }),
    ...scoreRows('reference text', held.fromReference, tuned.fromReference),
  ];
  if (absent.length > 0)
    rows.push({
      name: 'voices left out',
      value: String(absent.length),
      note: `${absent.join(', ')}: install festvox-kallpc16k festvox-kdlpc16k`,
    });
  rows.push({ name: 'run time', value: `${fmt((performance.now() - t0) / 1000, 0)} s` });
  report('Memories (festival voices → pocketsphinx → rules): held-out | tuned-on', 'memories', rows, {
    heldOut: held,
    tuning: tuned,
    styles,
    debianDefaultWer: baseline,
    generalWer: general?.wer ?? null,
    generalWerWithDebianModel: generalBefore?.wer ?? null,
    languageModel: engine.languageName,
    decoderArgs: pocketsphinxDecoderArgs,
  });
}
