import nlp from 'compromise';
import type { MemoryKind } from '../../../shared/contract';

/** Obligations: the words after them are the task ("remind me to | call the bank"). */
const obligation =
  /^(?:.*?\b)?(?:remind me to|remind me|reminder to|i need to|i'll need to|i have to|i've got to|i got to|i gotta|gotta|i must|i should|we need to|we have to|we should|need to|have to|don't forget to|do not forget to|dont forget to|don't forget|do not forget|dont forget|remember to|make sure to|make sure that|make sure i|make sure|to do is to|todo:?)\s+(.+)$/i;

/** Verbs a person tells themselves to do; a clause that starts with one is an instruction. */
const taskVerbs = new Set(
  (
    'call phone ring text email message pick drop buy get grab send book cancel pay renew return schedule order water clean wash fix ' +
    'finish submit ask tell remind bring take make write check print sign file post mail feed walk charge pack collect fetch visit ' +
    'invite confirm reply respond look find change update register apply prepare review read study put set install clear empty replace ' +
    'refill transfer deposit withdraw sort organise organize tidy vacuum mow iron cook bake defrost follow arrange reserve move ' +
    'backup back pickup dropoff start stop try'
  ).split(' '),
);

/** Filler a speaker starts with ("oh and also…"): dropped from what is stored. */
const filler = /^(?:(?:oh|and|also|so|okay|ok|um|uh|er|well|right)\s+)+/i;
/** Words a speaker puts before an instruction without changing it ("oh and also please call Sam", "tomorrow call Sam"). */
const lead =
  /^(?:(?:oh|and|also|so|okay|ok|um|uh|er|well|right|please|then|now|first|next|just|tomorrow|today|tonight|later|plus)\s+)+/i;

/** A verb right after the first word or two means the clause has a subject ("book club is at seven"). */
const subjectVerb =
  /^(is|are|was|were|meets|starts|begins|leaves|opens|closes|ends|will|has|had|moved|said|says|lives|works|goes|comes)$/i;

export interface Classified {
  kind: Exclude<MemoryKind, 'person'>;
  /** What to store: the task for a to-do (the obligation's words dropped), else the clause. */
  text: string;
}

/** The instruction a clause gives the speaker, or null: an imperative ("pick up the kids at four"). */
function imperative(clause: string): string | null {
  const rest = clause.replace(lead, '');
  const words = rest.split(/\s+/);
  const first = words[0]?.toLowerCase().replace(/[^a-z]/g, '') ?? '';
  if (!taskVerbs.has(first)) return null;
  if (words.slice(1, 3).some((w) => subjectVerb.test(w.replace(/[^a-z]/gi, '')))) return null;
  // The tagger has the last word where the lists cannot tell ("water the plants" vs "water is cold").
  const tagged = nlp(rest).terms().first();
  return tagged.has('#Verb') || tagged.has('#Infinitive') || tagged.has('#Imperative') || words.length > 2
    ? rest
    : null;
}

/** Statements worth keeping: a verb and something it is about, four words or more, not a question. */
function isStatement(clause: string): boolean {
  if (clause.split(/\s+/).length < 4 || /\?\s*$/.test(clause)) return false;
  const doc = nlp(clause);
  return doc.has('#Verb') && (doc.has('#Noun') || doc.has('#Pronoun'));
}

/**
 * What a clause is, by what is said (pure): an obligation ("I need to…", "don't forget…", "remind me…")
 * or an instruction ("call…", "pick up…") is a to-do, dated or not; anything else with a date or a
 * repeat is an event (an appointment, a happening); another statement is a fact; filler is nothing.
 */
export function classifyClause(clause: string, dated: boolean): Classified | null {
  const task = obligation.exec(clause)?.[1] ?? imperative(clause);
  if (task) return { kind: 'todo', text: task };
  if (dated) return { kind: 'event', text: clause.replace(filler, '') };
  return isStatement(clause) ? { kind: 'fact', text: clause.replace(filler, '') } : null;
}
