import { describe, expect, it } from 'vitest';
import { FakeClock } from '../time/clock';
import { afterAutoRecoveryRun, decideAutoRecovery, freshAutoRecovery, hasGivenUp } from './auto-recovery-policy';

const options = { cooldownMs: 60_000, backoff: 2, maxAttempts: 3 };

describe('auto-recovery schedule', () => {
  it('runs at once, then waits a cooldown that doubles, and gives up after the last attempt has had its cooldown', () => {
    const clock = new FakeClock();
    let s = freshAutoRecovery();
    const runs: number[] = [];
    for (let t = 0; t < 10 * 60; t++) {
      const d = decideAutoRecovery(s, clock.now(), options);
      if (d.kind === 'run') {
        runs.push(t);
        s = afterAutoRecoveryRun(s, clock.now(), options);
      }
      clock.advance(1_000);
    }
    expect(runs).toEqual([0, 60, 180]);
    expect(decideAutoRecovery(s, clock.now(), options)).toEqual({ kind: 'gave_up' });
    expect(hasGivenUp(s, clock.now(), options)).toBe(true);
  });

  it('does not call it given up while the last attempt is still in its cooldown', () => {
    const clock = new FakeClock();
    let s = freshAutoRecovery();
    for (let i = 0; i < 3; i++) {
      clock.advance(Math.max(0, s.nextAllowedAt - clock.now()));
      s = afterAutoRecoveryRun(s, clock.now(), options);
    }
    expect(hasGivenUp(s, clock.now(), options)).toBe(false);
    expect(decideAutoRecovery(s, clock.now(), options)).toEqual({ kind: 'gave_up' });
    clock.advance(240_000);
    expect(hasGivenUp(s, clock.now(), options)).toBe(true);
  });
});
