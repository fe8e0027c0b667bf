import type { RecordedFrom } from '../contract';

/** Where an item's recording time came from, in the words the item screen and `lifeline show` use. */
export const recordedFromWords: Record<RecordedFrom, string> = {
  metadata: "from the file's own metadata",
  file_time: "from the file's modification time",
  added: 'the time it was added; when it was recorded is not known',
};

/**
 * The ingest stage's timeline note ends with when the recording was made, as the engine writes it:
 * "; recorded 2026-10-05T08:30:00.000Z (from the file's modification time)". The item screen shows
 * that time as it shows every other (the reader's locale and zone) and its source in plain words.
 */
export interface RecordedNote {
  /** The note before the recorded time ("stored 0.1 MB; 2.0 s of … audio; "). */
  before: string;
  /** The ISO time, for a `<time dateTime>`. */
  at: string;
  /** Where the time came from, in words ("from the file's creation time"). */
  source: string;
  /** Anything after it. */
  after: string;
}

/** The engine's names for a recording time's sources, in words a person uses. */
const sourceWords: Record<string, string> = {
  "the file's creation_time tag": "from the file's creation time",
  "the file's creation date tag": "from the file's creation date",
  'the WAV origination date': 'from the date the recorder wrote into the WAV file',
  "the file's date tag": "from the date in the file's tags",
  "the file's modification time": "from the file's modification time",
  'the time it was added': 'the time it was added; when it was recorded is not known',
};

const recordedPattern = /recorded (\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z) \(from ([^)]*)\)/;

/** The recorded time in a stage note, or null when the note has none. */
export function recordedNote(detail: string): RecordedNote | null {
  const m = recordedPattern.exec(detail);
  if (!m) return null;
  const [whole, at, source] = m as unknown as [string, string, string];
  return {
    before: `${detail.slice(0, m.index)}recorded `,
    at,
    source: sourceWords[source] ?? `from ${source}`,
    after: detail.slice(m.index + whole.length),
  };
}
