import { describe, expect, it } from 'vitest';
import { snippetParts, withoutIndexedDate } from './snippet';

const open = '\u0002';
const close = '\u0003';

describe('search snippets', () => {
  it('splits a snippet into plain text and the matches', () => {
    expect(snippetParts(`call the ${open}dentist${close} tomorrow at ${open}three${close}`)).toEqual([
      { text: 'call the ', match: false },
      { text: 'dentist', match: true },
      { text: ' tomorrow at ', match: false },
      { text: 'three', match: true },
    ]);
  });

  it('keeps brackets and markup in the text as text, not as matches or HTML', () => {
    expect(snippetParts(`[Music] <b>${open}hello${close}</b> & bye`)).toEqual([
      { text: '[Music] <b>', match: false },
      { text: 'hello', match: true },
      { text: '</b> & bye', match: false },
    ]);
  });

  it('survives a snippet cut inside a match, and empty or marker-only input', () => {
    expect(snippetParts(`…the ${open}garden`)).toEqual([
      { text: '…the ', match: false },
      { text: 'garden', match: true },
    ]);
    expect(snippetParts(`water${close} it…`)).toEqual([{ text: 'water it…', match: false }]);
    expect(snippetParts('')).toEqual([]);
    expect(snippetParts(`${open}${close}`)).toEqual([]);
  });

  it('drops the indexed date suffix of a memory unless the match is in it', () => {
    expect(withoutIndexedDate(`call the ${open}dentist${close} (2026-11-24)`)).toBe(`call the ${open}dentist${close}`);
    expect(withoutIndexedDate(`call the dentist (${open}2026${close}-11-24)`)).toBe(
      `call the dentist (${open}2026${close}-11-24)`,
    );
    expect(withoutIndexedDate('plain text')).toBe('plain text');
  });

  it('drops the date suffix also where the snippet was cut inside it', () => {
    expect(withoutIndexedDate(`tell ${open}alice${close} on friday about the party (2026-12…`)).toBe(
      `tell ${open}alice${close} on friday about the party`,
    );
    expect(withoutIndexedDate(`tell ${open}alice${close} on friday (…`)).toBe(`tell ${open}alice${close} on friday`);
  });
});
