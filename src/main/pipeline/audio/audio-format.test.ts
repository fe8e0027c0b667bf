import { describe, expect, it } from 'vitest';
import { describeContent } from './audio-format';

const bytes = (...parts: (string | number[])[]) =>
  new Uint8Array(Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p)))));

describe('what a file that is not audio looks like', () => {
  it('says "text" for a text file, without repeating any of it', () => {
    const said = describeContent(bytes('My bank PIN is 4711, do not tell anyone'));
    expect(said).toBe('text');
    expect(said).not.toContain('4711');
    expect(describeContent(bytes('Grüße aus Köln\n'))).toBe('text');
  });

  it('names common kinds of files by their signature', () => {
    expect(describeContent(bytes('PK\x03\x04', [0, 0, 1, 2]))).toBe('a ZIP archive (or an Office document)');
    expect(describeContent(bytes('%PDF-1.7\n'))).toBe('a PDF document');
    expect(describeContent(bytes([0x89], 'PNG\r\n\x1a\n', [0, 0]))).toBe('a PNG image');
    expect(describeContent(bytes([0xff, 0xd8, 0xff, 0xe0]))).toBe('a JPEG image');
    expect(describeContent(bytes([0x7f], 'ELF', [2, 1, 1]))).toBe('a program (ELF)');
    expect(describeContent(bytes('RIFF', [0, 0, 0, 0], 'AVI '))).toBe(
      'a RIFF file that is not WAVE (a video or an image)',
    );
  });

  it('says "unknown binary" for anything else, never its bytes', () => {
    const said = describeContent(bytes([0x00, 0x13, 0x37, 0xc0, 0xde, 0x00, 0xbe, 0xef]));
    expect(said).toBe('unknown binary');
    expect(said).not.toMatch(/1337|c0de|beef/);
  });
});
