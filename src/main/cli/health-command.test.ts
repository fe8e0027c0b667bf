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
});
