import { describe, expect, it } from 'vitest';
import { displayText } from './display-text';

describe('file names and messages as the UI shows them', () => {
  it('neutralises a right-to-left override that would disguise a file name', () => {
    expect(displayText('invoice\u202efdp.exe')).toBe('invoice\ufffdfdp.exe');
    expect(displayText('a\u2066b\u2069c\u200fd')).toBe('a\ufffdb\ufffdc\ufffdd');
  });

  it('shows C1 and C0 control characters as a visible replacement character', () => {
    expect(displayText('memo\u0085\u009b2J.wav')).toBe('memo\ufffd\ufffd2J.wav');
    expect(displayText('memo\x1b[2J.wav')).toBe('memo\ufffd[2J.wav');
  });

  it('leaves ordinary names, accents, emoji and right-to-left scripts as they are', () => {
    for (const name of [
      'Call with Ana.wav',
      'Grüße aus Köln.m4a',
      '🎙 idea.wav',
      'שלום עולם.wav',
      'مرحبا.wav',
      'line\tone',
    ]) {
      expect(displayText(name)).toBe(name);
    }
  });
});
