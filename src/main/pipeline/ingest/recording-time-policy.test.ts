import { describe, expect, it } from 'vitest';
import { chooseRecordingTime, parseTagTime, type RecordingTimeClues } from './recording-time-policy';

const now = Date.UTC(2026, 11, 7, 12);
const addedAt = Date.UTC(2026, 11, 7, 11);
const none: RecordingTimeClues = { tags: {}, bext: null, fileTime: null, addedAt, now };

describe('when a recording was made', () => {
  it('reads the date-times containers write, in UTC when they say so and local time when they do not', () => {
    expect(parseTagTime('2026-10-05T08:30:00.000000Z')).toBe(Date.UTC(2026, 9, 5, 8, 30));
    expect(parseTagTime('2026-10-05T09:30:00+0100')).toBe(Date.UTC(2026, 9, 5, 8, 30));
    expect(parseTagTime('2026-10-05T09:30:00+01:00')).toBe(Date.UTC(2026, 9, 5, 8, 30));
    expect(parseTagTime('2026-10-05 08:30:00')).toBe(new Date(2026, 9, 5, 8, 30).getTime());
    expect(parseTagTime('2026:10:05 08-30-00')).toBe(new Date(2026, 9, 5, 8, 30).getTime());
    expect(parseTagTime('2026-10-05')).toBe(new Date(2026, 9, 5).getTime());
    expect(parseTagTime('2019')).toBeNull();
    expect(parseTagTime('yesterday')).toBeNull();
  });

  it('prefers the container’s creation time, then a WAV’s origination date, then a full date tag', () => {
    const creation = { creation_time: '2026-10-05T08:30:00Z', date: '2026-01-01' };
    expect(chooseRecordingTime({ ...none, tags: creation, fileTime: addedAt - 1 })).toEqual({
      at: Date.UTC(2026, 9, 5, 8, 30),
      from: 'metadata',
      source: "the file's creation_time tag",
    });
    const bext = { date: '2026-11-02', time: '07:15:00' };
    expect(chooseRecordingTime({ ...none, bext, tags: { date: '2026-01-01' } })).toMatchObject({
      at: new Date(2026, 10, 2, 7, 15).getTime(),
      source: 'the WAV origination date',
    });
    expect(chooseRecordingTime({ ...none, tags: { date: '2026-01-01' } })).toMatchObject({
      source: "the file's date tag",
    });
  });

  it('falls back to the file’s modification time, then to when it was added', () => {
    const fileTime = Date.UTC(2026, 8, 1);
    expect(chooseRecordingTime({ ...none, fileTime })).toEqual({
      at: fileTime,
      from: 'file_time',
      source: "the file's modification time",
    });
    expect(chooseRecordingTime(none)).toEqual({ at: addedAt, from: 'added', source: 'the time it was added' });
  });

  it('ignores times a recorder without a clock writes, and times in the future', () => {
    const fileTime = Date.UTC(2026, 8, 1);
    for (const creation_time of ['1904-01-01T00:00:00Z', '1970-01-01T00:00:00Z', '2027-06-01T00:00:00Z'])
      expect(chooseRecordingTime({ ...none, tags: { creation_time }, fileTime }).from).toBe('file_time');
    // Up to a day ahead is a time zone written wrongly, not a wrong clock.
    expect(chooseRecordingTime({ ...none, tags: { creation_time: '2026-12-08T06:00:00Z' } }).from).toBe('metadata');
    expect(chooseRecordingTime({ ...none, fileTime: 0 }).from).toBe('added');
  });
});
