import type { TranscriptSegment } from '../../../shared/contract';

/** A word with its time in the recording, seconds. */
export interface TimedWord {
  word: string;
  start: number;
  end: number;
}

/** What a person said in one go: a stretch of speech between pauses (or cue words). */
export type Utterance = TranscriptSegment;

export interface UtteranceOptions {
  /** A silence at least this long between two words ends an utterance, seconds. Default 0.3. */
  pauseSec?: number;
  /** An utterance longer than this many words is cut before a cue word ("remind me", "also", …). Default 14. */
  maxWords?: number;
}

/**
 * Phrases that start a new thought when a speaker runs on without pausing. Only used to cut long
 * stretches: a short utterance keeps its cue words ("I think I need to go").
 */
const cues = [
  ['remind', 'me'],
  ["don't", 'forget'],
  ['dont', 'forget'],
  ['do', 'not', 'forget'],
  ['i', 'need', 'to'],
  ['i', 'have', 'to'],
  ['i', 'must'],
  ['i', 'should'],
  ['remember', 'to'],
  ['make', 'sure'],
  ['and', 'then'],
  ['and', 'also'],
  ['oh', 'and'],
  ['also'],
  ['another', 'thing'],
  ['after', 'that'],
].map((c) => c.map((w) => w.toLowerCase()));

const bare = (w: string) => w.toLowerCase().replace(/^[^\p{L}\p{N}']+|[^\p{L}\p{N}']+$/gu, '');

/** Punctuation that ends a sentence (whisper and HTTP engines punctuate; pocketsphinx does not). */
const endsSentence = (w: string) => /[.!?]["')\]]?$/.test(w);

function cueAt(words: readonly TimedWord[], i: number): boolean {
  return cues.some((cue) => cue.every((c, k) => words[i + k] !== undefined && bare(words[i + k]!.word) === c));
}

function toUtterance(words: readonly TimedWord[]): Utterance {
  return { start: words[0]!.start, end: words.at(-1)!.end, text: words.map((w) => w.word).join(' ') };
}

/** Cuts a run of words that is too long before its cue words, keeping every piece at least 3 words. */
function cutAtCues(words: TimedWord[], maxWords: number): TimedWord[][] {
  if (words.length <= maxWords) return [words];
  const pieces: TimedWord[][] = [];
  let from = 0;
  for (let i = 3; i <= words.length - 3; i++) {
    if (i - from >= 3 && cueAt(words, i)) {
      pieces.push(words.slice(from, i));
      from = i;
    }
  }
  pieces.push(words.slice(from));
  return pieces;
}

/**
 * Splits timed words into utterances (pure): a pause of `pauseSec` or more, or a word that ends a
 * sentence, closes one; a long stretch with no pause is cut before cue words.
 */
export function splitUtterances(words: readonly TimedWord[], options: UtteranceOptions = {}): Utterance[] {
  const pauseSec = options.pauseSec ?? 0.3;
  const maxWords = options.maxWords ?? 14;
  const runs: TimedWord[][] = [];
  let run: TimedWord[] = [];
  for (const w of words) {
    const last = run.at(-1);
    if (last && (w.start - last.end >= pauseSec || endsSentence(last.word))) {
      runs.push(run);
      run = [];
    }
    run.push(w);
  }
  if (run.length > 0) runs.push(run);
  return runs.flatMap((r) => cutAtCues(r, maxWords)).map(toUtterance);
}

/**
 * The words of each segment, which carries no word times, each word given an even share of its
 * segment's time. A segment that overlaps the one before (chunk overlaps, engines that repeat their
 * last words) loses the words the previous segment already ended with, so no word is said twice.
 */
export function wordsOfSegments(segments: readonly TranscriptSegment[]): TimedWord[][] {
  const groups: TimedWord[][] = [];
  let said: TimedWord[] = [];
  let lastEnd = -Infinity;
  for (const s of [...segments].sort((a, b) => a.start - b.start)) {
    let tokens = s.text.split(/\s+/).filter(Boolean);
    if (s.start < lastEnd) tokens = tokens.slice(repeatedPrefix(said, tokens));
    // Words the previous segment already covered in time start where it ended.
    const from = Math.max(s.start, Math.min(lastEnd, s.end));
    const step = tokens.length > 0 ? Math.max(0, s.end - from) / tokens.length : 0;
    const words = tokens.map((word, i) => ({ word, start: from + i * step, end: from + (i + 1) * step }));
    if (words.length > 0) groups.push(words);
    said = said.concat(words).slice(-50);
    lastEnd = Math.max(lastEnd, s.end);
  }
  return groups;
}

/** How many of `tokens`' first words repeat the last words already said (the longest such overlap). */
function repeatedPrefix(said: readonly TimedWord[], tokens: readonly string[]): number {
  for (let n = Math.min(tokens.length, said.length); n > 0; n--) {
    let same = true;
    for (let k = 0; k < n && same; k++) same = bare(said[said.length - n + k]!.word) === bare(tokens[k]!);
    if (same) return n;
  }
  return 0;
}

/**
 * A transcript's utterances: the engine's segments, overlaps merged, each cut again at sentence ends
 * and cue words (never joined: a segment boundary is the engine's own pause). Pocketsphinx segments
 * are already pause-split from its word times; whisper and HTTP segments can hold several sentences,
 * which their punctuation then separates.
 */
export function utterancesOf(segments: readonly TranscriptSegment[], options: UtteranceOptions = {}): Utterance[] {
  // Even time shares inside a segment say nothing about pauses: only punctuation and cues cut there.
  return wordsOfSegments(segments).flatMap((words) => splitUtterances(words, { ...options, pauseSec: Infinity }));
}
