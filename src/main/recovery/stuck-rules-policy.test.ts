import { describe, expect, it } from 'vitest';
import { FakeClock } from '../time/clock';
import { describeStuckRule, stuckRule, type LeaseTimes, type StuckRulesConfig } from './stuck-rules-policy';

const config: StuckRulesConfig = {
  maxDurationMs: { ingest: 60_000, transcribe: 600_000, extract: 60_000, index: 60_000 },
  progressStallMs: 30_000,
};

function lease(clock: FakeClock, leaseMs = 10_000): LeaseTimes {
  const now = clock.now();
  return {
    stage: 'ingest',
    acquiredAt: now,
    expiresAt: now + leaseMs,
    heartbeatAt: now,
    progressStep: null,
    progressChangedAt: now,
  };
}

describe('stuckRule', () => {
  it('leaves a job alone while its heartbeats keep the lease alive', () => {
    const clock = new FakeClock();
    const l = lease(clock);
    clock.advance(9_999);
    expect(stuckRule(l, clock.now(), config, true)).toBeNull();
  });

  it('finds a lease that expired without a heartbeat, whoever owns it', () => {
    const clock = new FakeClock();
    const l = lease(clock);
    clock.advance(10_001);
    expect(stuckRule(l, clock.now(), config, false)).toEqual({ kind: 'lease_expired', silentMs: 10_001 });
    expect(describeStuckRule(stuckRule(l, clock.now(), config, true)!)).toBe('no heartbeat for 10.0 s (lease expired)');
  });

  it("stops a job that runs longer than its stage's limit, but only in the engine that owns it", () => {
    const clock = new FakeClock();
    const l = lease(clock);
    clock.advance(60_001);
    l.expiresAt = clock.now() + 10_000;
    expect(stuckRule(l, clock.now(), config, true)).toEqual({
      kind: 'max_duration',
      runningMs: 60_001,
      limitMs: 60_000,
    });
    expect(stuckRule(l, clock.now(), config, false)).toBeNull();
  });

  it('finds progress that has not moved for too long, and never for a stage that does not report progress', () => {
    const clock = new FakeClock();
    const silent = lease(clock);
    const reporting = { ...lease(clock), progressStep: 'decode' };
    clock.advance(30_001);
    silent.expiresAt = reporting.expiresAt = clock.now() + 10_000;
    expect(stuckRule(silent, clock.now(), config, true)).toBeNull();
    expect(stuckRule(reporting, clock.now(), config, true)).toEqual({
      kind: 'progress_stalled',
      stalledMs: 30_001,
      limitMs: 30_000,
    });
  });
});
