import type { Stage } from '../../shared/contract';
import { missingCase } from '../../shared/missing-case';
import type { BackoffOptions } from './backoff';
import { decideFailure, type JobFailure } from './failure-policy';
import type { AfterRunning, EventInput, LeaseRef, MinimalAfter } from './queue-store';

/** What the rules need to know about a job to decide what comes after a run. */
export type JobRef = LeaseRef & { stage: Stage; attempts: number; maxAttempts: number };

/**
 * What a worker reports when its stage run ends; `parked` is the engine's reading of a failure whose
 * service is known down (the breaker is not closed, its health check fails, or the run was the
 * breaker's probe): the job waits for the service with its attempt refunded.
 */
export type RunOutcome =
  | { kind: 'succeeded'; detail?: string }
  | { kind: 'failed'; failure: JobFailure }
  | { kind: 'parked'; failure: JobFailure; reason: string };

/** The queue's settings the decision reads. */
export interface AfterRunRules {
  nextStage(stage: Stage): Stage | null;
  policy(stage: Stage): { maxAttempts: number; backoff: BackoffOptions };
  /** Source of jitter. */
  random(): number;
}

/** The transition a finished run makes, and the event that records it. */
export function afterRun(
  job: JobRef,
  outcome: RunOutcome,
  now: number,
  rules: AfterRunRules,
): { after: AfterRunning; event: EventInput } {
  if (outcome.kind === 'succeeded') {
    const next = rules.nextStage(job.stage);
    return {
      after: {
        state: 'advance',
        next: next ? { stage: next, maxAttempts: rules.policy(next).maxAttempts, runAt: now } : null,
      },
      event: {
        type: 'succeeded',
        actor: 'engine',
        detail: outcome.detail ?? (next ? `next: ${next}` : 'all stages done'),
      },
    };
  }
  const { failure } = outcome;
  const error = { code: failure.code, message: failure.message };
  if (outcome.kind === 'parked') {
    return {
      after: { state: 'waiting', reason: outcome.reason },
      event: {
        type: 'waiting',
        actor: 'engine',
        detail: `${outcome.reason}; the service failed, not the item: no attempt spent`,
        error,
      },
    };
  }
  const decision = decideFailure(failure, job.attempts, job.maxAttempts, rules.policy(job.stage).backoff, rules.random);
  if (decision.kind === 'retry') {
    return {
      after: { state: 'retry_scheduled', runAt: now + decision.delayMs },
      event: {
        type: 'retry_scheduled',
        actor: 'engine',
        detail: `attempt ${job.attempts} of ${job.maxAttempts} failed; next try in ${(decision.delayMs / 1000).toFixed(1)} s`,
        error,
      },
    };
  }
  return {
    after: { state: 'dead' },
    event: {
      type: 'dead',
      actor: 'engine',
      detail:
        decision.reason === 'permanent' ? 'permanent error: not retried' : `gave up after ${job.attempts} attempts`,
      error,
    },
  };
}

/** The same destination as the emergency path writes it: no event, the error kept on the job row. */
export function minimalAfter(after: AfterRunning, event: EventInput): MinimalAfter {
  const error = event.error ?? { code: 'UNKNOWN', message: 'the run failed' };
  switch (after.state) {
    case 'advance':
      return after;
    case 'retry_scheduled':
      return { state: 'retry_scheduled', runAt: after.runAt, error };
    case 'dead':
      return { state: 'dead', error };
    case 'waiting':
      return { state: 'waiting', reason: after.reason, error };
    case 'queued':
      throw new Error('a finished run never goes back to the queue');
    default:
      return missingCase(after);
  }
}
