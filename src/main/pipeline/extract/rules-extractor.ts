import nlp from 'compromise';
import type { Memory, Transcript } from '../../../shared/contract';
import type { Availability } from '../../engine/stage-handler';
import { classifyClause } from './memory-kind';
import type { ExtractOptions, MemoryExtractor } from './memory-extractor';
import { peopleIn } from './people';
import { resolveSpokenDate } from './spoken-date';
import { utterancesOf } from './utterances';

const tidy = (s: string) =>
  s
    .replace(/\s+/g, ' ')
    .replace(/^[\s,;:]+|[\s,;:.!?]+$/g, '')
    .trim();
const capitalise = (s: string) => (s ? s[0]!.toUpperCase() + s.slice(1) : s);

/**
 * The clauses of an utterance: its sentences (compromise, for punctuated text), each cut again where
 * one thought is chained to the next ("…, and then call Sam", "…; also book a table").
 */
function clausesOf(utterance: string): string[] {
  const sentences = nlp(utterance).sentences().out('array') as string[];
  return (sentences.length > 0 ? sentences : [utterance])
    .flatMap((s) =>
      s.split(/(?:[,;]\s*(?:and then|and also|also|oh and|after that)|\s+(?:and then|and also|oh and))\s+/i),
    )
    .map(tidy)
    .filter(Boolean);
}

/**
 * Offline, rule-based extraction. The transcript is first cut into utterances (the engine's own
 * pauses, sentence ends, cue words; overlaps merged) and each clause of an utterance becomes at most
 * one memory linked to it: a to-do for an obligation or instruction, an event for a dated happening,
 * a fact for another statement; dates are as said (docs/memories.md); people only on name evidence.
 */
export class RulesExtractor implements MemoryExtractor {
  readonly name = 'rules';

  availability(): Availability {
    return { ok: true };
  }

  extract(transcript: Transcript, options: ExtractOptions): Promise<Memory[]> {
    const memories: Memory[] = [];
    const people = new Set<string>();
    for (const utterance of utterancesOf(transcript.segments)) {
      options.signal.throwIfAborted();
      const source = { start: utterance.start, end: utterance.end, text: utterance.text };
      for (const clause of clausesOf(utterance.text)) {
        const date = resolveSpokenDate(clause, options.recordedAt);
        const found = classifyClause(clause, date !== null);
        if (found) {
          const dated = found.kind !== 'fact' && date !== null;
          memories.push({
            kind: found.kind,
            text: capitalise(tidy(found.text)),
            at: dated ? date.at : null,
            allDay: dated ? date.allDay : false,
            repeats: dated ? date.repeats : null,
            source,
          });
        }
        for (const name of peopleIn(clause)) {
          if (people.has(name.toLowerCase())) continue;
          people.add(name.toLowerCase());
          memories.push({ kind: 'person', text: name, at: null, allDay: false, repeats: null, source });
        }
      }
    }
    return Promise.resolve(memories);
  }
}
