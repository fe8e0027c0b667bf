import type { Memory } from '../src/shared/contract';
import type { SpokenMemory } from './memory-corpus';

/** A sentence as placed in a bench recording: seconds from the recording's start. */
export interface PlacedSentence {
  sentence: SpokenMemory;
  start: number;
  end: number;
}

export interface MemoryScore {
  sentences: number;
  /** Sentences whose first to-do/event/fact has the expected kind. */
  kindsRight: number;
  /** Sentences that say a day. */
  dated: number;
  /** …whose to-do or event has that day, and the time said (or is date-only when none is). */
  datesRight: number;
  /** To-dos and events with a time of day where the sentence says none, or a date where it says none. */
  inventedTimes: number;
  /** Memories whose text is longer than the utterance they are linked to. */
  longerThanUtterance: number;
  /** Memories whose utterance runs over more than one spoken sentence (a blob). */
  spanningSentences: number;
  /** Sentences whose memories come from more than one utterance (cut too often). */
  splitSentences: number;
  peopleExpected: number;
  peopleFound: number;
  /** Person memories that are not a person named there. */
  falsePeople: number;
  memories: number;
}

export const emptyScore = (): MemoryScore => ({
  sentences: 0,
  kindsRight: 0,
  dated: 0,
  datesRight: 0,
  inventedTimes: 0,
  longerThanUtterance: 0,
  spanningSentences: 0,
  splitSentences: 0,
  peopleExpected: 0,
  peopleFound: 0,
  falsePeople: 0,
  memories: 0,
});

export function addScores(a: MemoryScore, b: MemoryScore): MemoryScore {
  const out = emptyScore();
  for (const k of Object.keys(out) as (keyof MemoryScore)[]) out[k] = a[k] + b[k];
  return out;
}

const words = (s: string) => s.split(/\s+/).filter(Boolean).length;
const pad = (n: number) => String(n).padStart(2, '0');
const dayOf = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
const timeOf = (d: Date) => `${pad(d.getHours())}:${pad(d.getMinutes())}`;

/** The sentence a memory was said in: the one its utterance starts in, else the nearest. */
function sentenceOf(placed: readonly PlacedSentence[], at: number): number {
  let best = 0;
  let bestGap = Infinity;
  placed.forEach((p, i) => {
    const gap = at < p.start ? p.start - at : at > p.end ? at - p.end : 0;
    if (gap < bestGap) {
      bestGap = gap;
      best = i;
    }
  });
  return best;
}

/** Each sentence's memories: those whose utterance starts in it (pure). */
export function memoriesBySentence(placed: readonly PlacedSentence[], memories: readonly Memory[]): Memory[][] {
  const bySentence = placed.map(() => [] as Memory[]);
  for (const m of memories) bySentence[sentenceOf(placed, m.source ? m.source.start : 0)]!.push(m);
  return bySentence;
}

/** Whether a sentence's memories carry the day it says, and the time when it says one (pure). */
export function dateRight(e: SpokenMemory, got: readonly Memory[]): boolean {
  return got.some((m) => {
    if ((m.kind !== 'todo' && m.kind !== 'event') || m.at === null) return false;
    const d = new Date(m.at);
    return dayOf(d) === e.day && (e.time === null ? m.allDay : !m.allDay && timeOf(d) === e.time);
  });
}

/** Scores one recording's memories against the sentences spoken in it (pure). */
export function scoreRecording(placed: readonly PlacedSentence[], memories: readonly Memory[]): MemoryScore {
  const s = emptyScore();
  const bySentence = placed.map(() => [] as Memory[]);
  for (const m of memories) {
    s.memories++;
    const src = m.source;
    const i = sentenceOf(placed, src ? src.start : 0);
    bySentence[i]!.push(m);
    if (src && words(m.text) > words(src.text)) s.longerThanUtterance++;
    // An utterance that reaches well into the next sentence (more than a word's worth) is a blob.
    if (src && placed.some((p, k) => k !== i && src.start < p.start && src.end > p.start + 0.5)) s.spanningSentences++;
  }
  placed.forEach(({ sentence: e }, i) => {
    const got = bySentence[i]!;
    s.sentences++;
    if (new Set(got.map((m) => m.source?.start)).size > 1) s.splitSentences++;
    const first = got.find((m) => m.kind !== 'person');
    if (first?.kind === e.kind) s.kindsRight++;
    const timed = got.filter((m) => (m.kind === 'todo' || m.kind === 'event') && m.at !== null);
    for (const m of timed) if (e.day === null || (e.time === null && !m.allDay)) s.inventedTimes++;
    if (e.day !== null) {
      s.dated++;
      if (dateRight(e, got)) s.datesRight++;
    }
    const expected = (e.people ?? []).map((p) => p.toLowerCase());
    const found = got.filter((m) => m.kind === 'person').map((m) => m.text.toLowerCase());
    s.peopleExpected += expected.length;
    s.peopleFound += expected.filter((p) => found.includes(p)).length;
    s.falsePeople += found.filter((p) => !expected.includes(p)).length;
  });
  return s;
}
