import { describe, expect, it } from 'vitest';
import type { TranscriptSegment } from '../../../shared/contract';
import { RulesExtractor } from './rules-extractor';

const recordedAt = new Date(2026, 0, 14, 9, 0);
const local = (m: number, d: number, h = 0, min = 0) => new Date(2026, m - 1, d, h, min).toISOString();
const extract = (...segments: TranscriptSegment[]) =>
  new RulesExtractor().extract(
    { text: segments.map((s) => s.text).join(' '), segments },
    { recordedAt, signal: new AbortController().signal },
  );

describe('the rules extractor', () => {
  it('finds a to-do with its date and time, resolved against the recording time, linked to its utterance', async () => {
    const m = await extract({ start: 4, end: 9, text: 'remind me to call alice tomorrow at three pm' });
    expect(m.find((x) => x.kind === 'todo')).toEqual({
      kind: 'todo',
      text: 'Call alice tomorrow at three pm',
      at: local(1, 15, 15),
      allDay: false,
      repeats: null,
      source: { start: 4, end: 9, text: 'remind me to call alice tomorrow at three pm' },
    });
  });

  it('makes one memory per utterance, none longer than the utterance it came from', async () => {
    const text = 'the lecture was about the history of the city and its harbour remind me to pay the rent on friday';
    const m = await extract({ start: 0, end: 12, text });
    const todo = m.find((x) => x.kind === 'todo')!;
    expect(todo).toMatchObject({ text: 'Pay the rent on friday', at: local(1, 16), allDay: true });
    expect(todo.source!.text).toBe('remind me to pay the rent on friday');
    expect(todo.source!.start).toBeGreaterThan(6);
    for (const x of m) expect(x.text.split(' ').length).toBeLessThanOrEqual(x.source!.text.split(' ').length);
  });

  it('splits punctuated text into sentences and finds the people in it', async () => {
    const m = await extract({
      start: 0,
      end: 9,
      text: "Sarah called. Don't forget to email David by Friday. The weather was lovely today in Paris.",
    });
    expect(m.filter((x) => x.kind === 'person').map((x) => x.text)).toEqual(['Sarah', 'David']);
    expect(m.find((x) => x.kind === 'todo')).toMatchObject({
      text: 'Email David by Friday',
      at: local(1, 16),
      allDay: true,
    });
  });

  it('marks a repeating happening and keeps an undated statement as a fact', async () => {
    const m = await extract(
      { start: 0, end: 3, text: 'we go to church every sunday' },
      { start: 4, end: 7, text: 'my sister lives in chicago and works as a nurse' },
    );
    expect(m[0]).toMatchObject({ kind: 'event', at: local(1, 18), allDay: true, repeats: 'weekly' });
    expect(m[1]).toMatchObject({ kind: 'fact', at: null, text: 'My sister lives in chicago and works as a nurse' });
    expect((await extract({ start: 0, end: 1, text: 'um okay yes' })).filter((x) => x.kind !== 'person')).toEqual([]);
  });
});
