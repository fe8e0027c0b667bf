import { describe, expect, it } from 'vitest';
import { runningAgainSinceRecovery } from './running-again';

const ev = (id: number, type: string) => ({ id, type });

describe('a recovered item running again', () => {
  it('is running again once a stage started after the recovery', () => {
    expect(
      runningAgainSinceRecovery({
        state: 'running',
        events: [ev(1, 'added'), ev(2, 'started'), ev(3, 'recovered'), ev(4, 'started')],
      }),
    ).toBe(true);
  });

  it('is not, while the recovery is the latest news or the item is not running', () => {
    expect(runningAgainSinceRecovery({ state: 'running', events: [ev(2, 'started'), ev(3, 'recovered')] })).toBe(false);
    expect(runningAgainSinceRecovery({ state: 'queued', events: [ev(3, 'recovered'), ev(4, 'started')] })).toBe(false);
    expect(runningAgainSinceRecovery({ state: 'running', events: [ev(2, 'started')] })).toBe(false);
  });
});
