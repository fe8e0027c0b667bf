import { afterEach, describe, expect, it, vi } from 'vitest';
import { LocalDecodeCheck } from './asr-probes';

// docs/self-healing.md: a local engine's check is a tiny decode "once per 5 minutes while it passes,
// afresh when real calls just failed or the last decode failed"; the health screen then says "its
// last check passed 3 min ago". asr-probes.test.ts covers the failing side; this is the 5 minutes.

afterEach(() => void vi.useRealTimers());

describe('the check of a local engine while it passes', () => {
  it('decodes once per 5 minutes: checks in between report that decode and its age', async () => {
    vi.useFakeTimers({ toFake: ['performance'] });
    const decodes: (() => void)[] = [];
    const check = new LocalDecodeCheck({
      transcribe: () => new Promise<never[]>((resolve) => decodes.push(() => resolve([]))),
    });
    const signal = new AbortController().signal;
    await check.check(signal);
    decodes[0]!();
    await vi.advanceTimersByTimeAsync(0);

    vi.advanceTimersByTime(3 * 60_000);
    expect(await check.check(signal)).toMatchObject({ ageMs: 3 * 60_000 });
    vi.advanceTimersByTime(2 * 60_000 - 1);
    await check.check(signal);
    expect(decodes).toHaveLength(1);

    vi.advanceTimersByTime(2);
    await check.check(signal);
    expect(decodes).toHaveLength(2);
  });
});
