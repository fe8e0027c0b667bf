import { describe, expect, it } from 'vitest';
import { RulesExtractor } from './rules-extractor';

const recordedAt = new Date(2026, 0, 14, 9, 0);
const local = (m: number, d: number, h: number, min = 0) => new Date(2026, m - 1, d, h, min).toISOString();
const extract = (text: string) =>
  new RulesExtractor().extract({ text, segments: [{ start: 4, end: 9, text }] }, { recordedAt, signal: new AbortController().signal });

describe('the rules extractor', () => {
  it('finds a to-do with its date and time, resolved against the recording time, and keeps its source', async () => {
    const m = await extract('remind me to call alice tomorrow at three pm');
    expect(m.find((x) => x.kind === 'todo')).toEqual({
      kind: 'todo',
      text: 'Call alice tomorrow at three pm',
      at: local(1, 15, 15),
      source: { start: 4, end: 9, text: 'remind me to call alice tomorrow at three pm' },
    });
  });

  it('calls a dated statement an event', async () => {
    const m = await extract('The flight to Boston leaves on June twelfth at six thirty am.');
    expect(m.find((x) => x.kind === 'event')).toMatchObject({ at: local(6, 12, 6, 30) });
  });

  it('splits punctuated text into sentences and finds the people in it', async () => {
    const m = await extract("Sarah called. Don't forget to email David by Friday. The weather was lovely today in Paris.");
    expect(m.filter((x) => x.kind === 'person').map((x) => x.text)).toEqual(['Sarah', 'David']);
    expect(m.find((x) => x.kind === 'todo')).toMatchObject({ text: 'Email David by Friday', at: local(1, 16, 12) });
  });

  it('keeps an undated statement as a fact and ignores filler', async () => {
    const facts = (await extract('My sister lives in Chicago and works as a nurse.')).filter((x) => x.kind === 'fact');
    expect(facts.map((x) => x.text)).toEqual(['My sister lives in Chicago and works as a nurse']);
    expect((await extract('um okay yes')).filter((x) => x.kind !== 'person')).toEqual([]);
  });
});
