import * as chrono from 'chrono-node';
import type { MemoryRepeats } from '../../../shared/contract';
import { normaliseTranscript } from './normalise-transcript';

/** A date a clause says, as said: a day alone is date-only, an hour keeps the plausible half of the day. */
export interface SpokenDate {
  /** ISO; the start of the day (local) when `allDay`. Null for a repeat with no day ("every morning"). */
  at: string | null;
  allDay: boolean;
  repeats: MemoryRepeats | null;
}

const number = '(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\\d{1,2})';
const dayPart = "(?:in the (?:morning|afternoon|evening)|at night|[ap]\\.? ?m\\b\\.?|o'?clock)";

/**
 * Confusions pocketsphinx makes that lose a time, measured on festival speech (bench/memory-bench):
 * "at" heard as "and"/"an"/"in" before a time ("and ten in the morning", "the kids and four on
 * Friday"), "four" heard as "for" after "at", "eight" as "it", "in the morning" as "than the
 * morning" or "and the morning", and "a m" / "p m" spelled out. Also the spoken forms the date parser does not read:
 * "half past three", "quarter past/to", "March the third", "Tuesdays".
 */
export function repairSpokenTimes(text: string): string {
  const units = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];
  const hourOf = (w: string) => (/^\d+$/.test(w) ? Number(w) : units.indexOf(w.toLowerCase()) + 1);
  return (
    text
      // A range is its start ("between ten and two" → "at ten"): its "and two" is not "at two".
      .replace(
        new RegExp(`\\b(?:between|from) (${number}) (?:and|to|till|until) (?:${number}|noon|midnight)\\b`, 'gi'),
        'at $1',
      )
      .replace(new RegExp(`\\b(?:and|an|in|add)\\s+(${number})(?=\\s+${dayPart})`, 'gi'), 'at $1')
      .replace(
        new RegExp(
          `\\b(?:and|an)\\s+(${number})(?=\\s+(?:on|this|next|tomorrow|tonight|today)\\b|\\s*[.!?]?\\s*$)`,
          'gi',
        ),
        'at $1',
      )
      .replace(/\bat for\b/gi, 'at four')
      // "eight" heard as "it": only where a time must stand (before a part of the day, or ending a
      // clause right after a day), never "look at it".
      .replace(/\bat it(?=\s+(?:in|than|and) the (?:morning|afternoon|evening)\b)/gi, 'at eight')
      .replace(
        /\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|tonight|today) at it(?=\s*[.!?]?\s*$)/gi,
        '$1 at eight',
      )
      // "in the morning" heard as "than the" / "and the morning" after an hour.
      .replace(new RegExp(`\\b(${number}) (?:than|and) the (morning|afternoon|evening)\\b`, 'gi'), '$1 in the $2')
      .replace(new RegExp(`\\b(?:between|from) (${number}) (?=and|to|till|until)\\b`, 'gi'), 'at $1 ')
      .replace(/\b([ap])\s+m\b/gi, '$1m')
      .replace(new RegExp(`\\bhalf past (${number})\\b`, 'gi'), (_m, h: string) => `${hourOf(h)}:30`)
      .replace(new RegExp(`\\bquarter past (${number})\\b`, 'gi'), (_m, h: string) => `${hourOf(h)}:15`)
      .replace(new RegExp(`\\bquarter to (${number})\\b`, 'gi'), (_m, h: string) => `${((hourOf(h) + 10) % 12) + 1}:45`)
      .replace(
        /\b(january|february|march|april|may|june|july|august|september|october|november|december) the\b/gi,
        '$1',
      )
      .replace(/\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)s\b/gi, '$1')
  );
}

/** Things that happen in the evening: a bare 7–11 o'clock with one of these is pm. */
const eveningWords =
  /\b(dinner|supper|book club|club|party|drinks?|concert|movie|film|show|play|game|date|bar|pub|restaurant|table|tonight|evening|night|theatre|theater|gig|recital|opera|ballet|bedtime)\b/i;

/**
 * The plausible half of the day for an hour said without am/pm (the rule in docs/memories.md):
 * 1–6 is afternoon (nobody picks the kids up at four in the morning); 7–11 is evening when the
 * clause names an evening thing (dinner, book club, a party, a show, tonight), else morning; 12 is noon.
 */
export function plausibleHour(hour: number, clause: string): number {
  if (hour >= 1 && hour <= 6) return hour + 12;
  if (hour >= 7 && hour <= 11) return eveningWords.test(clause) ? hour + 12 : hour;
  return hour;
}

function repeatsOf(clause: string): MemoryRepeats | null {
  const s = clause.toLowerCase();
  if (/\b(every (day|morning|evening|night|afternoon)|each (day|morning|evening|night)|daily)\b/.test(s))
    return 'daily';
  if (
    /\b(every (other )?(week|weekend|monday|tuesday|wednesday|thursday|friday|saturday|sunday)|weekly|(on )?(mondays|tuesdays|wednesdays|thursdays|fridays|saturdays|sundays))\b/.test(
      s,
    )
  )
    return 'weekly';
  if (/\b(every month|monthly)\b/.test(s)) return 'monthly';
  if (/\b(every year|yearly|annually)\b/.test(s)) return 'yearly';
  return null;
}

/** Words that make a parse a date even when the parser is unsure of its day ("next week", "the end of the month"). */
const relativeWords = /\b(tomorrow|tonight|today|next|end of|this)\b/i;

const weekdays = 'monday|tuesday|wednesday|thursday|friday|saturday|sunday';
/** "a week from Monday", "a week on Friday", "Monday week": the day a week after the one named. */
const weekFrom = new RegExp(`\\b(?:a )?week (?:from|on|after) (${weekdays}|tomorrow)\\b|\\b(${weekdays}) week\\b`, 'i');

/**
 * The parse's moment at `hour` instead of the hour the parser took (it reads "at four" as 4 am and,
 * looking forward, may have moved it to the next day or week). A day said outright stays; "at four"
 * alone is the next 4 pm from the recording, "Wednesday at four" the next Wednesday 4 pm.
 */
function movedToHour(found: chrono.ParsedResult, d: Date, hour: number, recordedAt: Date): Date {
  if (found.start.isCertain('day') || /\bnext\b/i.test(found.text))
    return new Date(d.getFullYear(), d.getMonth(), d.getDate(), hour, d.getMinutes());
  const weekday = found.start.isCertain('weekday') ? found.start.get('weekday') : null;
  const ahead = weekday === null || weekday === undefined ? 0 : (weekday - recordedAt.getDay() + 7) % 7;
  const moved = new Date(
    recordedAt.getFullYear(),
    recordedAt.getMonth(),
    recordedAt.getDate() + ahead,
    hour,
    d.getMinutes(),
  );
  if (moved < recordedAt) moved.setDate(moved.getDate() + (weekday === null || weekday === undefined ? 1 : 7));
  return moved;
}

const isDated = (r: chrono.ParsedResult) =>
  r.start.isCertain('day') || r.start.isCertain('weekday') || relativeWords.test(r.text);

/**
 * The date and time a clause says (pure), resolved against the recording's own time. Nothing is
 * invented: a day with no time is date-only, an hour with no am/pm takes `plausibleHour`, and a
 * clause that names no date gives null (or only `repeats` for "every morning"). A day and an hour
 * said apart ("on Tuesday is at five", "at five, the practice on Tuesday") are one date.
 */
export function resolveSpokenDate(clause: string, recordedAt: Date): SpokenDate | null {
  const repeats = repeatsOf(clause);
  let text = normaliseTranscript(repairSpokenTimes(clause), recordedAt);
  const weekLater = weekFrom.exec(text);
  if (weekLater) text = text.replace(weekFrom, (_m, a?: string, b?: string) => a ?? b ?? '');
  // "now" ("that's all for now", "I'm busy right now") is the moment of speaking, not a date the
  // memo gives: dated to the minute it would be an invented time.
  const results = chrono.parse(text, recordedAt, { forwardDate: true }).filter((r) => !/^(right )?now$/i.test(r.text));
  const dated = results.find(isDated);
  // A time said on its own ("at 5", "5 pm"), not a number that happens to parse.
  const timed = results.find(
    (r) => r !== dated && r.start.isCertain('hour') && !isDated(r) && /^(at\b|\d)/i.test(r.text),
  );
  const found = dated ?? timed;
  if (!found) return repeats ? { at: null, allDay: false, repeats } : null;
  let d = found.start.date();
  if (weekLater && found === dated)
    d = new Date(d.getFullYear(), d.getMonth(), d.getDate() + 7, d.getHours(), d.getMinutes());
  if (found === dated && !dated.start.isCertain('hour') && timed) {
    const said = timed.start.get('hour') ?? 0;
    const hour = timed.start.isCertain('meridiem') ? said : plausibleHour(said, clause);
    const at = new Date(d.getFullYear(), d.getMonth(), d.getDate(), hour, timed.start.get('minute') ?? 0);
    return { at: at.toISOString(), allDay: false, repeats };
  }
  if (!found.start.isCertain('hour')) {
    return { at: new Date(d.getFullYear(), d.getMonth(), d.getDate()).toISOString(), allDay: true, repeats };
  }
  if (!found.start.isCertain('meridiem')) {
    const said = found.start.get('hour') ?? d.getHours();
    const hour = plausibleHour(said, clause);
    if (hour !== said) {
      const moved = movedToHour(found, d, hour, recordedAt);
      return { at: moved.toISOString(), allDay: false, repeats };
    }
  }
  return { at: d.toISOString(), allDay: false, repeats };
}
