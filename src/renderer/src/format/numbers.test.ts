import { describe, expect, it } from 'vitest';
import { formatAgo, formatBytes, formatDuration, plural } from './numbers';

describe('number formats', () => {
  it('writes durations as a clock', () => {
    expect(formatDuration(0)).toBe('0:00');
    expect(formatDuration(75.4)).toBe('1:15');
    expect(formatDuration(3725)).toBe('1:02:05');
  });

  it('writes sizes and counts for people', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(250 * 1024 * 1024)).toBe('250 MB');
    expect(plural(1, 'item')).toBe('1 item');
    expect(plural(2, 'item')).toMatch(/^2 items$/);
  });

  it('says how long ago, roughly', () => {
    const now = Date.parse('2026-01-02T12:00:00Z');
    expect(formatAgo('2026-01-02T11:59:50Z', now)).toBe('just now');
    expect(formatAgo('2026-01-02T11:57:00Z', now)).toMatch(/3 min\.? ago/);
  });
});
