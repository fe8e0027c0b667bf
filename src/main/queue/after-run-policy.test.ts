import { describe, expect, it } from 'vitest';
import { afterRun, minimalAfter, type AfterRunRules, type JobRef } from './after-run-policy';

const order = ['ingest', 'transcribe'] as const;
const rules: AfterRunRules = {
  nextStage: (s) => order[order.indexOf(s as (typeof order)[number]) + 1] ?? null,
  policy: () => ({ maxAttempts: 3, backoff: { baseMs: 1_000, capMs: 60_000 } }),
  random: () => 0.5,
};
const job = (stage: 'ingest' | 'transcribe', attempts = 1): JobRef => ({
  itemId: 7,
  token: 1,
  stage,
  attempts,
  maxAttempts: 3,
});
const failure = { code: 'IO_EBUSY', message: 'busy', permanent: false };

describe('what comes after a run', () => {
  it('a success moves the item to the next stage now, or makes it done after the last', () => {
    expect(afterRun(job('ingest'), { kind: 'succeeded' }, 100, rules)).toEqual({
      after: { state: 'advance', next: { stage: 'transcribe', maxAttempts: 3, runAt: 100 } },
      event: { type: 'succeeded', actor: 'engine', detail: 'next: transcribe' },
    });
    expect(afterRun(job('transcribe'), { kind: 'succeeded' }, 100, rules).after).toEqual({
      state: 'advance',
      next: null,
    });
  });

  it('a transient failure is retried after a jittered delay; the last attempt and a permanent error are dead letters', () => {
    const retry = afterRun(job('ingest', 1), { kind: 'failed', failure }, 100, rules);
    expect(retry.after).toEqual({ state: 'retry_scheduled', runAt: 100 + 500 });
    expect(retry.event).toMatchObject({ type: 'retry_scheduled', error: { code: 'IO_EBUSY', message: 'busy' } });
    expect(afterRun(job('ingest', 3), { kind: 'failed', failure }, 100, rules).event.detail).toBe(
      'gave up after 3 attempts',
    );
    const permanent = afterRun(
      job('ingest', 1),
      { kind: 'failed', failure: { ...failure, permanent: true } },
      1,
      rules,
    );
    expect(permanent.after).toEqual({ state: 'dead' });
  });

  it('a failure of a service known down waits with its reason and spends no attempt', () => {
    const r = afterRun(job('ingest'), { kind: 'parked', failure, reason: 'ASR breaker open' }, 100, rules);
    expect(r.after).toEqual({ state: 'waiting', reason: 'ASR breaker open' });
    expect(r.event.detail).toContain('no attempt spent');
  });

  it('the emergency path writes the same destination with the error kept on the job row', () => {
    const error = { code: 'IO_EBUSY', message: 'busy' };
    const e = { type: 'dead', actor: 'engine', error } as const;
    expect(minimalAfter({ state: 'dead' }, e)).toEqual({ state: 'dead', error });
    expect(minimalAfter({ state: 'retry_scheduled', runAt: 5 }, e)).toEqual({
      state: 'retry_scheduled',
      runAt: 5,
      error,
    });
    expect(minimalAfter({ state: 'waiting', reason: 'r' }, e)).toEqual({ state: 'waiting', reason: 'r', error });
    expect(minimalAfter({ state: 'advance', next: null }, { type: 'succeeded', actor: 'engine' })).toEqual({
      state: 'advance',
      next: null,
    });
    expect(() => minimalAfter({ state: 'queued', reason: 'released' }, e)).toThrow(/never goes back/);
  });
});
