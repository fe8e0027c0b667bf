import { describe, expect, it } from 'vitest';
import { diskFullMessage, diskLevel, nextDiskLookMs } from './disk-space-policy';

const t = { diskAmberBytes: 1024 ** 3, diskRedBytes: 200 * 1024 ** 2 };

describe('disk space policy', () => {
  it('calls the disk full below the red mark, low below the amber mark, and ok above', () => {
    expect(diskLevel(100 * 1024 ** 2, t)).toBe('full');
    expect(diskLevel(500 * 1024 ** 2, t)).toBe('low');
    expect(diskLevel(2 * 1024 ** 3, t)).toBe('ok');
  });

  it('looks again every few seconds while space is short, at the health pace otherwise', () => {
    expect(nextDiskLookMs('full', 30_000)).toBe(3_000);
    expect(nextDiskLookMs('low', 30_000)).toBe(3_000);
    expect(nextDiskLookMs('ok', 30_000)).toBe(30_000);
    expect(nextDiskLookMs('full', 1_000)).toBe(1_000);
  });

  it('says what was refused, how much is free and how much is needed', () => {
    expect(diskFullMessage(50 * 1024 ** 2, t, 'memo.wav')).toBe(
      'the disk is full (50 MiB free, Lifeline needs 200 MiB): memo.wav was not accepted; free some space and try again',
    );
  });
});
