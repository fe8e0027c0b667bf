import { describe, expect, it } from 'vitest';
import { formatBytes } from './byte-size';

describe('sizes', () => {
  it('reads one file as one size wherever it is shown', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(9_830)).toBe('9.6 KB');
    expect(formatBytes(20_010)).toBe('20 KB');
    expect(formatBytes(297_644)).toBe('291 KB');
    expect(formatBytes(12_050_924)).toBe('11 MB');
  });
});
