import type { RecordedFrom } from '../../../shared/contract';

/**
 * When a recording was made, from what ingest could read (pure; `now` is passed in). Relative dates
 * said in it ("next Tuesday") resolve against this time, so a file recorded last month is read as of
 * last month. In order: the container's creation time (M4A/MP4 `creation_time`, an iPhone's
 * `com.apple.quicktime.creationdate`), a Broadcast WAV's origination date and time, a full date tag
 * (ID3 / Vorbis `date` with at least a day), the file's modification time, else the time it was added.
 */
export interface RecordingTimeClues {
  /** Tags of the container and its streams (ffprobe), keys in lower case. */
  tags: Readonly<Record<string, string>>;
  /** A WAV's `bext` chunk: origination date ("2026-10-01") and time ("09:30:00"), local time. */
  bext: { date: string; time: string } | null;
  /** The original file's modification time (ms epoch), when it says anything (a file outside the store). */
  fileTime: number | null;
  /** When the item was added (ms epoch). */
  addedAt: number;
  now: number;
}

export interface RecordingTime {
  at: number;
  from: RecordedFrom;
  /** What it was read from, for the timeline: "the file's creation_time tag". */
  source: string;
}

/** Times before this are a recorder without a clock (MP4's 1904 and 1970 zero dates), not a recording. */
const earliest = Date.UTC(1990, 0, 1);
/** A time further ahead than this is a wrong clock; a day allows for time zones written wrongly. */
const aheadMs = 24 * 3_600_000;

const pad = (n: string) => n.padStart(2, '0');

/**
 * An ISO-like date-time as containers write it: `2026-11-03T14:02:00.000000Z`, `2026-11-03 14:02:00`,
 * `2026-11-03T14:02:00+0100`. Without a zone it is local time. Null when it is not one.
 */
export function parseTagTime(text: string): number | null {
  const m =
    /^\s*(\d{4})[-:/](\d{1,2})[-:/](\d{1,2})(?:[T ](\d{1,2})[:.-](\d{2})(?:[:.-](\d{2})(?:\.(\d+))?)?\s*(Z|[+-]\d{2}:?\d{2})?)?\s*$/i.exec(
      text,
    );
  if (!m) return null;
  const [, y, mo, d, h, mi, s, frac, zone] = m;
  if (h === undefined) return new Date(Number(y), Number(mo) - 1, Number(d)).getTime();
  const ms = frac ? Math.round(Number(`0.${frac}`) * 1000) : 0;
  const local = `${y}-${pad(mo!)}-${pad(d!)}T${pad(h)}:${mi}:${s ?? '00'}.${String(ms).padStart(3, '0')}`;
  const offset =
    zone === undefined ? '' : zone.toUpperCase() === 'Z' ? 'Z' : zone.replace(/^([+-]\d{2}):?(\d{2})$/, '$1:$2');
  const at = Date.parse(local + offset);
  return Number.isNaN(at) ? null : at;
}

export function chooseRecordingTime(clues: RecordingTimeClues): RecordingTime {
  const plausible = (at: number | null): at is number =>
    at !== null && Number.isFinite(at) && at >= earliest && at <= clues.now + aheadMs;
  const tag = (key: string) => {
    const value = clues.tags[key];
    return value === undefined ? null : parseTagTime(value);
  };
  const candidates: [number | null, RecordedFrom, string][] = [
    [tag('creation_time'), 'metadata', "the file's creation_time tag"],
    [tag('com.apple.quicktime.creationdate'), 'metadata', "the file's creation date tag"],
    [clues.bext && parseTagTime(`${clues.bext.date} ${clues.bext.time}`), 'metadata', 'the WAV origination date'],
    [
      clues.tags.origination_date !== undefined
        ? parseTagTime(`${clues.tags.origination_date} ${clues.tags.origination_time ?? ''}`.trim())
        : null,
      'metadata',
      'the WAV origination date',
    ],
    [tag('date'), 'metadata', "the file's date tag"],
    [clues.fileTime, 'file_time', "the file's modification time"],
  ];
  for (const [at, from, source] of candidates) if (plausible(at)) return { at, from, source };
  return { at: clues.addedAt, from: 'added', source: 'the time it was added' };
}
