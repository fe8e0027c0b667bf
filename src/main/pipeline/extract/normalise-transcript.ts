/**
 * Rewrites transcript-style text so a date parser can read it (pure): spoken numbers become digits
 * ("three thirty pm" → "3:30 pm"), "p.m." becomes "pm", "ten in the morning" becomes "10 am", and
 * "on the twentieth" gets the month it means relative to `reference`.
 */
const units: Record<string, number> = {
  zero: 0,
  oh: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
};
const tens: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50 };
const ordinalUnits: Record<string, number> = {
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
  tenth: 10,
  eleventh: 11,
  twelfth: 12,
  thirteenth: 13,
  fourteenth: 14,
  fifteenth: 15,
  sixteenth: 16,
  seventeenth: 17,
  eighteenth: 18,
  nineteenth: 19,
  twentieth: 20,
  thirtieth: 30,
};
export const monthNames = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

const suffix = (n: number) =>
  n % 10 === 1 && n !== 11 ? 'st' : n % 10 === 2 && n !== 12 ? 'nd' : n % 10 === 3 && n !== 13 ? 'rd' : 'th';

/** "twenty one" → 21, "seven" → 7; null if the words are not a number below 100. */
export function wordsToNumber(words: string): number | null {
  const parts = words
    .toLowerCase()
    .split(/[\s-]+/)
    .filter(Boolean);
  if (parts.length === 1 && /^\d+$/.test(parts[0]!)) return Number(parts[0]);
  if (parts.length === 1 && parts[0]! in units) return units[parts[0]!]!;
  if (parts.length === 1 && parts[0]! in tens) return tens[parts[0]!]!;
  if (
    parts.length === 2 &&
    parts[0]! in tens &&
    parts[1]! in units &&
    units[parts[1]!]! > 0 &&
    units[parts[1]!]! < 10
  ) {
    return tens[parts[0]!]! + units[parts[1]!]!;
  }
  return null;
}

const unitWords = Object.keys(units).join('|');
const tensWords = Object.keys(tens).join('|');
const cardinal = `(?:(?:${tensWords})(?:[\\s-](?:${unitWords}))?|${unitWords}|\\d{1,2})`;
const ordinalWords = Object.keys(ordinalUnits).join('|');
const ordinal = `(?:(?:twenty|thirty)[\\s-](?:${ordinalWords})|${ordinalWords}|\\d{1,2}(?:st|nd|rd|th))`;

function ordinalToNumber(words: string): number | null {
  const w = words.toLowerCase();
  const m = /^(\d{1,2})(st|nd|rd|th)$/.exec(w);
  if (m) return Number(m[1]);
  const parts = w.split(/[\s-]+/);
  if (parts.length === 1) return ordinalUnits[parts[0]!] ?? null;
  const t = tens[parts[0]!];
  const u = ordinalUnits[parts[1]!];
  return t !== undefined && u !== undefined && u < 10 ? t + u : null;
}

export function normaliseTranscript(text: string, reference: Date): string {
  let s = ` ${text} `;
  s = s.replace(/\b([ap])\.\s?m\.?(?=[\s,;!?]|$)/gi, (_m, p: string) => `${p.toLowerCase()}m`);
  s = s.replace(/\bo'?clock\b/gi, "o'clock");
  // "six thirty am" → "6:30 am", "three pm" → "3 pm", "ten o'clock" → "10 o'clock"
  const time = new RegExp(
    `\\b(${cardinal})(?:[\\s-](${cardinal}))?(?=\\s+(?:am|pm|o'clock|in the (?:morning|afternoon|evening)|at night|tonight)\\b)`,
    'gi',
  );
  s = s.replace(time, (m, h: string, min: string | undefined) => {
    const hour = wordsToNumber(h);
    if (hour === null || hour > 23) return m;
    if (min === undefined) return String(hour);
    const minute = wordsToNumber(min);
    return minute === null || minute > 59 ? m : `${hour}:${String(minute).padStart(2, '0')}`;
  });
  // "at seven" / "at six thirty" with no am/pm: still a clock time.
  s = s.replace(
    new RegExp(`\\bat (${cardinal})(?:[\\s-](${cardinal}))?\\b`, 'gi'),
    (m, h: string, min: string | undefined) => {
      const hour = wordsToNumber(h);
      if (hour === null || hour < 1 || hour > 12) return m;
      if (min === undefined) return `at ${hour}`;
      const minute = wordsToNumber(min);
      return minute === null || minute < 10 || minute > 59
        ? `at ${hour} ${min}`
        : `at ${hour}:${String(minute).padStart(2, '0')}`;
    },
  );
  s = s.replace(/\b(\d{1,2}(?::\d\d)?) in the morning\b/gi, '$1 am');
  s = s.replace(/\b(\d{1,2}(?::\d\d)?) (?:in the (?:afternoon|evening)|at night|tonight)\b/gi, '$1 pm');
  // "march fifth" is understood by the date parser; "on the fifth" needs its month.
  // Only where a date can stand: "on the third floor" is a place, not a day.
  s = s.replace(
    new RegExp(
      `\\b(on|by|until|before) the (${ordinal})\\b(?=\\s*$|\\s*[,.;!?]|\\s+(?:at|and|by|to|for|in|from|until|so|but|or|then|i|we|please|next|this|of the month)\\b)`,
      'gi',
    ),
    (m, prep: string, o: string) => {
      const day = ordinalToNumber(o);
      if (day === null || day < 1 || day > 31) return m;
      const month = day >= reference.getDate() ? reference.getMonth() : (reference.getMonth() + 1) % 12;
      return `${prep} ${monthNames[month]} ${day}${suffix(day)}`;
    },
  );
  // "wednesday the twenty first": a weekday and an ordinal are always a date, whatever follows.
  s = s.replace(
    new RegExp(`\\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday) the (${ordinal})\\b`, 'gi'),
    (m, weekday: string, o: string) => {
      const day = ordinalToNumber(o);
      if (day === null || day < 1 || day > 31) return m;
      const month = day >= reference.getDate() ? reference.getMonth() : (reference.getMonth() + 1) % 12;
      return `${weekday} ${monthNames[month]} ${day}${suffix(day)}`;
    },
  );
  return s.replace(/\s+/g, ' ').trim();
}
