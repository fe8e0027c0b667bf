import { describe, expect, it } from 'vitest';
import { fileKindOf, unplayableText } from './file-kind';

const bytes = (...parts: (string | number[])[]) =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)));

describe('what a stored file is', () => {
  it('tells a text file or a PDF from audio, and says so instead of blaming the browser', () => {
    expect(unplayableText(fileKindOf(bytes('this is a shopping list, not a recording')))).toBe(
      'The stored copy is not audio: it is text. It is kept at the path below.',
    );
    expect(fileKindOf(bytes('%PDF-1.7\n'))).toEqual({ what: 'a PDF document', audio: false });
    expect(fileKindOf(bytes([0x89], 'PNG', [13, 10, 26, 10]))?.what).toBe('a PNG image');
  });

  it('tells a WAV or FLAC header with no audio after it from a real recording', () => {
    expect(fileKindOf(bytes('RIFF', [40, 0, 0, 0], 'WAVE', 'this is a shopping list'))).toEqual({
      what: 'a WAV header with no audio after it',
      audio: false,
    });
    expect(fileKindOf(bytes('RIFF', [40, 0, 0, 0], 'WAVE', 'fmt ', [16, 0, 0, 0]))).toEqual({
      what: 'a WAV recording',
      audio: true,
    });
    expect(fileKindOf(bytes('fLaC', 'this is a shopping list'))?.audio).toBe(false);
    expect(fileKindOf(bytes('fLaC', [0x80, 0, 0, 34]))?.what).toBe('a FLAC recording');
  });

  it('blames the browser only for audio it cannot play, and says nothing it does not know', () => {
    expect(unplayableText(fileKindOf(bytes('OggS', [0, 2])))).toBe(
      'This browser cannot play an Ogg recording; the stored copy is kept at the path below.',
    );
    expect(fileKindOf(bytes([0, 1, 2, 3, 200, 201, 202, 4, 5]))).toBeNull();
    expect(unplayableText(null)).toBe('This browser cannot play the stored copy; it is kept at the path below.');
  });
});
