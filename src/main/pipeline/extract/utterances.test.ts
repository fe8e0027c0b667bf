import { describe, expect, it } from 'vitest';
import { splitUtterances, utterancesOf, type TimedWord } from './utterances';

/** Words one after another, 0.3 s each; a number in the list is a pause of that many seconds. */
function timed(...parts: (string | number)[]): TimedWord[] {
  const out: TimedWord[] = [];
  let t = 0;
  for (const p of parts) {
    if (typeof p === 'number') t += p;
    else
      for (const word of p.split(' ')) {
        out.push({ word, start: t, end: t + 0.3 });
        t += 0.3;
      }
  }
  return out;
}

describe('utterances', () => {
  it('cuts speech where the speaker pauses, and keeps the time each utterance starts', () => {
    const u = splitUtterances(timed('pick up the kids at four', 0.5, 'book club is at seven'));
    expect(u.map((x) => x.text)).toEqual(['pick up the kids at four', 'book club is at seven']);
    expect(u[1]!.start).toBeCloseTo(2.3);
  });

  it('keeps a short breath inside one utterance', () => {
    expect(splitUtterances(timed('call alice', 0.1, 'tomorrow')).map((x) => x.text)).toEqual(['call alice tomorrow']);
  });

  it('cuts a long run with no pause before cue words, but not a short one', () => {
    const runOn = timed(
      'the lecture was about the history of the city and its old harbour remind me to pay the rent on friday',
    );
    expect(splitUtterances(runOn).map((x) => x.text)).toEqual([
      'the lecture was about the history of the city and its old harbour',
      'remind me to pay the rent on friday',
    ]);
    expect(splitUtterances(timed('i think i need to go')).map((x) => x.text)).toEqual(['i think i need to go']);
  });

  it('separates punctuated sentences inside one engine segment', () => {
    const u = utterancesOf([{ start: 0, end: 4, text: 'Call Alice tomorrow. The dentist is on Friday.' }]);
    expect(u.map((x) => x.text)).toEqual(['Call Alice tomorrow.', 'The dentist is on Friday.']);
    expect(u[1]!.start).toBeCloseTo(1.5); // three of its eight words in
  });

  it('never joins two engine segments, and drops words an overlapping segment repeats', () => {
    const u = utterancesOf([
      { start: 0, end: 3, text: 'buy milk and bread on the way' },
      { start: 2.5, end: 4, text: 'on the way home' },
      { start: 5, end: 6, text: 'call mom' },
    ]);
    expect(u.map((x) => x.text)).toEqual(['buy milk and bread on the way', 'home', 'call mom']);
    expect(
      u
        .map((x) => x.text)
        .join(' ')
        .split(' '),
    ).toHaveLength(10);
  });
});
