import { describe, expect, it } from 'vitest';
import { terminalJson, terminalText } from './terminal-text';

describe('what the CLI prints on a terminal', () => {
  it('shows an escape sequence in a file name as visible text instead of clearing the screen', () => {
    expect(terminalText('memo\x1b[2J\x1b[31mOK.wav')).toBe('memo\\x1b[2J\\x1b[31mOK.wav');
  });

  it('keeps newlines and tabs but shows a carriage return that would overwrite the line', () => {
    expect(terminalText('a\tb\nc')).toBe('a\tb\nc');
    expect(terminalText('evil.wav\rall good')).toBe('evil.wav\\x0dall good');
  });

  it('shows C1 controls and bidi overrides such as U+202E as escapes', () => {
    expect(terminalText('memo\u202evaw.exe')).toBe('memo\\u202evaw.exe');
    expect(terminalText('a\u009b2Jb\u0085c')).toBe('a\\u009b2Jb\\u0085c');
    expect(terminalText('x\u2066y\u2069z\u200f')).toBe('x\\u2066y\\u2069z\\u200f');
  });

  it('leaves ordinary names, accents, emoji and right-to-left scripts alone', () => {
    const names = 'Grüße 🎙 — שלום.wav';
    expect(terminalText(names)).toBe(names);
  });

  it('writes JSON that parses back to exactly the stored name, with nothing a terminal would obey', () => {
    const value = { fileName: 'memo\u202evaw.exe\x1b[2J\u0085' };
    const text = terminalJson(value);
    expect(JSON.parse(text)).toEqual(value);
    expect(text).not.toMatch(/[\x00-\x09\x0b-\x1f\x7f-\x9f\u202e]/);
  });
});
