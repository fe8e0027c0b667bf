import nlp from 'compromise';

/** Words that say a person's role before their name: "Doctor Patel", "Aunt Rosa". */
const honorifics = /^(doctor|dr|mr|mrs|ms|miss|professor|aunt|auntie|uncle|grandma|grandpa|coach|nurse)\.?$/i;

/** Contexts that put a name after them ("call Priya", "lunch with Priya") or before them ("Priya's birthday"). */
const before = /^(call|phone|ring|text|email|message|tell|ask|meet|meeting|see|visit|invite|thank|with)$/i;
const possessed =
  /^(birthday|wedding|party|graduation|anniversary|funeral|recital|house|place|flight|surgery|appointment|retirement|shower|concert|game|recital)$/i;

/** Never a name, whatever the tagger says: time words and what ASR makes of them. */
const neverNames =
  /^(o'?clock|noon|midnight|tonight|today|tomorrow|morning|afternoon|evening|night|week|weekend|month|year|am|pm|everyone|someone|anyone|nobody|somebody|mom|dad|mum)$/i;

/** People who are not named: a listed name joined to one ("them and Jack") is a person too. */
const personWords = /^(me|you|him|her|us|them|mum|mom|dad|kids|sister|brother|wife|husband|grandma|grandpa)$/i;

/** Words after which a word is a thing, not a person: "the grace period", "a frank talk", "my will". */
const determiners = /^(the|a|an|this|that|these|those|my|your|our|their|its|every|each|some|any|no)$/i;

/**
 * What the tagger may call an unknown word in a name's place for it still to be a name: a noun, not
 * an adjective ("with pretty"), a role ("with dentist"), a plural, a number, a place or a time.
 */
const notNameTags = new Set([
  'Adjective',
  'Adverb',
  'Verb',
  'Value',
  'Actor',
  'Plural',
  'Place',
  'Date',
  'Pronoun',
  'Preposition',
  'Conjunction',
  'Determiner',
]);

/**
 * Endings of things and roles ("the groomer", "the station", "the dealership", "the pharmacy"): an
 * unknown word with one is a common noun the name list lacks, not a name, even where a name would go.
 * Six letters at least, so short names ("Asher", "River") are not cut.
 */
const commonNounEnding =
  /^\p{L}{3,}(er|or|ist|ian|tion|sion|ment|ness|ship|ery|ary|ory|ance|ence|ity|ing|age|ure|ism|hood|ics)$/u;

type Lexicon = Record<string, string | string[] | undefined>;
const lexicon = (nlp as unknown as { model(): { one: { lexicon: Lexicon } } }).model().one.lexicon;

const bare = (w: string) => w.replace(/^[^\p{L}']+|[^\p{L}']+$/gu, '').replace(/'s$/i, '');
const titled = (w: string) => w.charAt(0).toUpperCase() + w.slice(1).toLowerCase();

/** True when the name list (compromise's lexicon of first names) knows the word as a first name. */
function isKnownFirstName(word: string): boolean {
  const tags = lexicon[word.toLowerCase()];
  const list = Array.isArray(tags) ? tags : tags ? [tags] : [];
  return list.some((t) => t === 'FirstName' || t === 'MaleName' || t === 'FemaleName');
}

/**
 * The tagger's reading of each word of a clause, on the lower-case text: ASR output has no capitals,
 * so typed or title-cased text must not read as names where the same words heard would not.
 */
function tagsByWord(clause: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const t of nlp(clause.toLowerCase()).terms().json() as { terms: { text: string; tags: string[] }[] }[]) {
    const term = t.terms[0];
    const w = term ? bare(term.text).toLowerCase() : '';
    if (w && !out.has(w)) out.set(w, term!.tags);
  }
  return out;
}

/** A word context may make a name: not a word the lexicon knows (a common noun, a verb), not a time word. */
const unknownWord = (w: string) =>
  /^\p{L}[\p{L}']{2,}$/u.test(w) &&
  !neverNames.test(w) &&
  lexicon[w.toLowerCase()] === undefined &&
  !(w.length >= 6 && commonNounEnding.test(w.toLowerCase()));

/**
 * The people a clause names (pure), only on name evidence: a first name the tagger reads as a name
 * in this sentence ("call Alice", not "mark the date"), a word after a title ("Doctor Patel"), or an
 * unknown word in a name's place ("lunch with Priya", "Priya's birthday"). Time words ("O'clock")
 * and common nouns never count.
 */
export function peopleIn(clause: string): string[] {
  const words = clause.split(/\s+/).filter(Boolean);
  const names: string[] = [];
  let lastNameAt = -9;
  const add = (name: string, at: number) => {
    lastNameAt = at;
    if (!names.some((n) => n.toLowerCase() === name.toLowerCase())) names.push(name);
  };
  const firstNames = new Set(
    (nlp(clause).match('#FirstName').out('array') as string[])
      .map((n) => bare(n).toLowerCase())
      .filter((n) => isKnownFirstName(n)),
  );
  const tags = tagsByWord(clause);
  const nounLike = (w: string) => !(tags.get(w.toLowerCase()) ?? []).some((t) => notNameTags.has(t));
  words.forEach((raw, i) => {
    const w = bare(raw);
    if (!w || neverNames.test(w)) return;
    const prev = i > 0 ? bare(words[i - 1]!) : '';
    if (determiners.test(prev)) return;
    const next = bare(words[i + 1] ?? '');
    const titleBefore = honorifics.test(prev) && !/'s$/i.test(words[i - 1]!);
    if (titleBefore && (unknownWord(w) || /LastName/.test(String(lexicon[w.toLowerCase()])) || isKnownFirstName(w))) {
      add(`${titled(prev.replace(/^dr$/i, 'doctor'))} ${titled(w)}`, i);
      return;
    }
    if (firstNames.has(w.toLowerCase())) return add(titled(w), i);
    // "marks birthday": ASR drops the apostrophe of a known name's possessive.
    if (possessed.test(next) && /s$/i.test(w) && isKnownFirstName(w.slice(0, -1)))
      return add(titled(w.slice(0, -1)), i);
    const possessive = /'s$/i.test(raw.replace(/[^\p{L}']+$/u, ''));
    // "Emma and Priya": a name joined to a name is a name too; so is a listed name joined to a person
    // word ("them and Jack", "mum and Jack"), where the tagger may read the name as a verb.
    const joined = /^and$/i.test(prev) && lastNameAt === i - 2;
    const joinedToPerson = /^and$/i.test(prev) && personWords.test(bare(words[i - 2] ?? ''));
    const inNamePlace = before.test(prev) || joined || (possessive && possessed.test(next));
    if (inNamePlace && ((unknownWord(w) && nounLike(w)) || isKnownFirstName(w))) add(titled(w), i);
    // …but not a verb with its object ("him and mark the date").
    else if (joinedToPerson && isKnownFirstName(w) && !determiners.test(next)) add(titled(w), i);
  });
  return names;
}
