import { describe, expect, it } from 'vitest';
import { recordedNote } from './recorded-note';

describe("the ingest note's recorded time", () => {
  it('is split out of the note with its source in words', () => {
    expect(
      recordedNote(
        "stored 0.1 MB; 2.0 s of 16000 Hz 1-channel audio; recorded 2026-10-05T08:30:00.000Z (from the file's creation_time tag)",
      ),
    ).toEqual({
      before: 'stored 0.1 MB; 2.0 s of 16000 Hz 1-channel audio; recorded ',
      at: '2026-10-05T08:30:00.000Z',
      source: "from the file's creation time",
      after: '',
    });
  });

  it('says a time that was not known is the time it was added', () => {
    expect(recordedNote('…; recorded 2026-10-05T08:30:00.000Z (from the time it was added)')?.source).toBe(
      'the time it was added; when it was recorded is not known',
    );
  });

  it('keeps a source it does not know as the engine wrote it', () => {
    expect(recordedNote('recorded 2026-10-05T08:30:00Z (from a sundial)')?.source).toBe('from a sundial');
  });

  it('leaves a note without a recorded time alone', () => {
    expect(recordedNote('stored 0.1 MB; 2.0 s of 16000 Hz 1-channel audio')).toBeNull();
  });
});
