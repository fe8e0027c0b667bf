import { describe, expect, it } from 'vitest';
import { saidIn, searchResults, type IndexHit } from './search-results';

let rowid = 0;
const hit = (
  kind: IndexHit['kind'],
  text: string,
  start: number | null,
  source: IndexHit['source'] = null,
  itemId = 1,
): IndexHit => ({
  rowid: ++rowid,
  itemId,
  fileName: `memo-${itemId}.wav`,
  kind,
  snippet: text,
  marked: text,
  text,
  start,
  at: null,
  allDay: false,
  rank: -1,
  match: 'all',
  source,
});

describe('searchResults', () => {
  it('lists every-word hits first, then close ones, and counts the every-word ones', () => {
    const exact = [hit('transcript', 'call alice at noon', 10)];
    const close = [hit('transcript', 'tell alice', 20), exact[0]!];
    const r = searchResults(exact, close, 10);
    expect(r.hits.map((h) => [h.text, h.match])).toEqual([
      ['call alice at noon', 'all'],
      ['tell alice', 'close'],
    ]);
    expect(r.exactCount).toBe(1);
  });

  it('shows a memory and the transcript segment it was said in as one result, where the better of the two was', () => {
    const segment = hit('transcript', 'um tell alice about the rent', 30);
    const memory = hit('todo', 'tell alice about the rent', 30.4, {
      start: 30.4,
      end: 33,
      text: 'tell alice about the rent',
    });
    const other = hit('transcript', 'alice called', 50);
    const r = searchResults([segment, other], [memory], 10);
    expect(r.hits).toHaveLength(2);
    expect(r.hits[0]).toMatchObject({
      kind: 'todo',
      match: 'all',
      transcript: { snippet: 'um tell alice about the rent', start: 30 },
    });
    expect(r.hits[1]).toMatchObject({ kind: 'transcript', text: 'alice called', transcript: null });
    expect(r.exactCount).toBe(2);
  });

  it('gives the segment to the sentence said there rather than to a name in it', () => {
    const src = { start: 8, end: 11, text: 'lunch with sarah today' };
    const person = hit('person', 'Sarah', 8, src);
    const lunch = hit('event', 'Lunch with Sarah today', 8, src);
    const r = searchResults([], [person, hit('transcript', 'lunch with sarah today', 8), lunch], 10);
    expect(r.hits.map((h) => [h.kind, h.transcript !== null])).toEqual([
      ['person', false],
      ['event', true],
    ]);
  });

  it('stops at the limit', () => {
    const many = Array.from({ length: 5 }, (_, i) => hit('transcript', `word ${i}`, i * 10));
    expect(searchResults(many, [], 3).hits).toHaveLength(3);
  });
});

describe('saidIn', () => {
  const memory = hit('event', 'dentist on friday', 12, { start: 12, end: 15, text: 'dentist on friday' });
  it('matches the segment by time, or one starting earlier that holds its words, in the same recording only', () => {
    expect(saidIn(memory, hit('transcript', 'something', 12))).toBe(true);
    expect(saidIn(memory, hit('transcript', 'ok so the dentist on Friday, right', 8))).toBe(true);
    expect(saidIn(memory, hit('transcript', 'the dentist on friday', 40))).toBe(false);
    expect(saidIn(memory, hit('transcript', 'the garden', 40))).toBe(false);
    expect(saidIn(memory, hit('transcript', 'something', 12, null, 2))).toBe(false);
  });
});
