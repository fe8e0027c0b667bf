import { describe, expect, it } from 'vitest';
import type { ProbeAnswer, StageService } from '../../engine/stage-handler';
import { serviceProbe } from './service-probe';
import { formatElapsed } from '../../../shared/text/format-elapsed';

const service = (answer: ProbeAnswer | void): StageService => ({
  name: 'asr',
  label: 'Speech recognition (pocketsphinx)',
  kind: 'local-engine',
  probe: () => Promise.resolve(answer),
});
const check = (answer: ProbeAnswer | void) =>
  serviceProbe(
    () => service(answer),
    () => undefined,
  ).check(new AbortController().signal);

describe('a service check that answers from an earlier one', () => {
  it('says when that check ran and what it took, never the look-up as "0 ms"', async () => {
    const r = await check({ ageMs: 3 * 60_000 + 2_000, tookMs: 1_234 });
    expect(r).toMatchObject({ status: 'up', latencyMs: 1_234 });
    expect(r.message).toBe('its last check passed 3 min ago (took 1.2 s); that answer stands for a few minutes');
    expect(r.message).not.toMatch(/\b0 ms/);
  });

  it('says a first check is still running rather than how fast it answered', async () => {
    const first = await check({ firstRunning: true });
    expect(first).toMatchObject({ message: 'its first check is running; no failures seen', latencyMs: null });
  });

  it('times a check of its own, written as the screens write durations', async () => {
    const r = await check();
    expect(r.message).toBe(`answered in ${formatElapsed(r.latencyMs!)}`);
    expect(r.message).not.toMatch(/ 0(\.0)? ms/);
  });
});

describe('durations', () => {
  it('never show a measurable nothing as 0 ms', () => {
    expect(formatElapsed(0)).toBe('< 0.1 ms');
    expect(formatElapsed(0.04)).toBe('< 0.1 ms');
    expect(formatElapsed(0.4)).toBe('0.4 ms');
    expect(formatElapsed(35.2)).toBe('35 ms');
    expect(formatElapsed(2_100)).toBe('2.1 s');
  });
});
