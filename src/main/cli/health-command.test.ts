import { describe, expect, it } from 'vitest';
import type { HealthSnapshot } from '../../shared/contract';
import { formatHealth } from './health-command';

describe('lifeline health', () => {
  it('shows workers that are starting as "starting" with their uptime, and the overall status stays green', () => {
    const h: HealthSnapshot = {
      overall: 'green',
      reasons: [],
      notes: ['Workers: starting 2 worker processes (3 s so far)'],
      checkedAt: null,
      source: 'engine',
      attention: { deadLetters: 0, newDeadLetters: 0, seenAt: null },
      services: [
        {
          name: 'workers',
          label: 'Workers',
          required: true,
          status: 'starting',
          message: 'starting 2 worker processes (3 s so far)',
          latencyMs: 0.1,
          uptimePercent: 100,
          checkedAt: null,
          breaker: null,
          needsYou: false,
          autoRecovery: null,
        },
      ],
    };
    const text = formatHealth(h);
    expect(text).toMatch(/^overall: green\n {2}· Workers: starting 2 worker processes/);
    expect(text).toMatch(/Workers\s+starting\s+0\.1 ms\s+100\.0%\s+-\s+starting 2 worker processes/);
  });

  it('says paused beside green when the user holds stages: nothing moves there', () => {
    const queue = {
      name: 'queue',
      label: 'Queue',
      required: false,
      status: 'paused' as const,
      message: 'Transcribe is paused by you, 1 waiting',
      latencyMs: null,
      uptimePercent: 100,
      checkedAt: null,
      breaker: null,
      needsYou: false,
      autoRecovery: null,
    };
    const h: HealthSnapshot = {
      overall: 'green',
      reasons: [],
      notes: ['Queue: Transcribe is paused by you, 1 waiting'],
      checkedAt: null,
      source: 'engine',
      attention: { deadLetters: 0, newDeadLetters: 0, seenAt: null },
      services: [queue],
    };
    expect(formatHealth(h)).toMatch(
      /^overall: green, paused by you\n {2}· Queue: Transcribe is paused by you, 1 waiting/,
    );
    expect(formatHealth({ ...h, services: [{ ...queue, status: 'idle' }] })).toMatch(/^overall: green\n/);
  });
});
