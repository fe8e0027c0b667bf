import { describe, expect, it } from 'vitest';
import { audioContentType, parseRange } from './byte-range';

describe('parseRange', () => {
  it('serves the whole file without a Range header', () => {
    expect(parseRange(undefined, 100)).toBeNull();
  });

  it('reads the ranges a media element asks for', () => {
    expect(parseRange('bytes=0-', 100)).toEqual({ start: 0, end: 99 });
    expect(parseRange('bytes=10-19', 100)).toEqual({ start: 10, end: 19 });
    expect(parseRange('bytes=90-500', 100)).toEqual({ start: 90, end: 99 });
    expect(parseRange('bytes=-10', 100)).toEqual({ start: 90, end: 99 });
  });

  it('answers 416 for a range outside the file', () => {
    expect(parseRange('bytes=100-', 100)).toBe('unsatisfiable');
    expect(parseRange('bytes=20-10', 100)).toBe('unsatisfiable');
    expect(parseRange('bytes=-0', 100)).toBe('unsatisfiable');
  });

  it('falls back to the whole file for ranges it does not serve', () => {
    expect(parseRange('bytes=0-1,5-6', 100)).toBeNull();
    expect(parseRange('items=0-1', 100)).toBeNull();
  });
});

describe('audioContentType', () => {
  it('names common audio types and falls back to bytes', () => {
    expect(audioContentType('/a/b/abc.WAV')).toBe('audio/wav');
    expect(audioContentType('x.m4a')).toBe('audio/mp4');
    expect(audioContentType('x.audio')).toBe('application/octet-stream');
  });
});
