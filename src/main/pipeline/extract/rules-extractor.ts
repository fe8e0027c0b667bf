import * as chrono from 'chrono-node';
import nlp from 'compromise';
import type { Memory, Transcript, TranscriptSegment } from '../../../shared/contract';
import type { Availability } from '../../engine/stage-handler';
import type { ExtractOptions, MemoryExtractor } from './memory-extractor';
import { normaliseTranscript } from './normalise-transcript';

/** Phrases that make a sentence a to-do; the words after them are the task. */
const todoTrigger =
  /\b(?:remind me to|reminder to|i need to|i have to|i've got to|i got to|i must|i should|don't forget to|do not forget to|dont forget to|remember to|make sure to|make sure i|to do is to|todo:?)\s+(.+)$/i;

/** A date or time the sentence mentions, resolved against the recording's time; null if none. */
function resolveDate(sentence: string, recordedAt: Date): string | null {
  const normalised = normaliseTranscript(sentence, recordedAt);
  const results = chrono.parse(normalised, recordedAt, { forwardDate: true });
  // Ignore bare numbers or vague words the parser takes as dates only with nothing else around.
  const found = results.find((r) => r.start.isCertain('day') || r.start.isCertain('weekday') || r.start.isCertain('hour') || /\b(tomorrow|tonight|today|next|end of)\b/i.test(r.text));
  return found ? found.start.date().toISOString() : null;
}

const tidy = (s: string) => s.replace(/\s+/g, ' ').replace(/[\s,;:.!?]+$/, '').trim();
const capitalise = (s: string) => (s ? s[0]!.toUpperCase() + s.slice(1) : s);

/** Sentences of a segment: punctuated text is split by compromise; unpunctuated ASR output stays whole. */
function sentencesOf(segment: TranscriptSegment): string[] {
  const list = nlp(segment.text).sentences().out('array') as string[];
  return (list.length > 0 ? list : [segment.text]).map(tidy).filter(Boolean);
}

/** Sentence shapes worth keeping as a fact: a statement about someone or something, not filler. */
function isFact(sentence: string): boolean {
  if (sentence.split(/\s+/).length < 4 || sentence.endsWith('?')) return false;
  const doc = nlp(sentence);
  return doc.has('#Verb') && (doc.has('#Noun') || doc.has('#Pronoun'));
}

/**
 * Offline, rule-based extraction: to-dos by trigger phrase ("remind me to", "I need to", "don't
 * forget to", …), events by a date or time that chrono-node resolves against the recording's time,
 * people by compromise's name tagger, and other statements as facts.
 */
export class RulesExtractor implements MemoryExtractor {
  readonly name = 'rules';

  availability(): Availability {
    return { ok: true };
  }

  extract(transcript: Transcript, options: ExtractOptions): Promise<Memory[]> {
    const memories: Memory[] = [];
    const people = new Set<string>();
    for (const segment of transcript.segments) {
      options.signal.throwIfAborted();
      const source = { start: segment.start, end: segment.end, text: segment.text };
      for (const sentence of sentencesOf(segment)) {
        const at = resolveDate(sentence, options.recordedAt);
        const todo = todoTrigger.exec(sentence);
        if (todo) memories.push({ kind: 'todo', text: capitalise(tidy(todo[1]!)), at, source });
        else if (at) memories.push({ kind: 'event', text: capitalise(sentence), at, source });
        else if (isFact(sentence)) memories.push({ kind: 'fact', text: capitalise(sentence), at: null, source });
        for (const name of nlp(sentence).people().out('array') as string[]) {
          const clean = tidy(name.replace(/'s$/i, ''))
            .split(/\s+/)
            .map(capitalise)
            .join(' ');
          const key = clean.toLowerCase();
          if (clean.length < 2 || people.has(key)) continue;
          people.add(key);
          memories.push({ kind: 'person', text: clean, at: null, source });
        }
      }
    }
    return Promise.resolve(memories);
  }
}
