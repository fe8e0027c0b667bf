/**
 * States of an item's pipeline job; the item shows the same state. See design.md §2. A job that
 * succeeds at a stage moves on to the next stage as `queued`; after the last stage it is `done`.
 */
export const jobStates = [
  'queued',
  'scheduled',
  'running',
  'retry_scheduled',
  'waiting',
  'done',
  'dead',
  'cancelled',
  'discarded',
] as const;
export type JobState = (typeof jobStates)[number];

/** States a user may cancel from. */
export const cancellableJobStates = ['queued', 'scheduled', 'running', 'retry_scheduled', 'waiting'] as const satisfies readonly JobState[];
/** States a user may retry from: the stage where the item stopped runs again with fresh attempts. */
export const retryableJobStates = ['dead', 'cancelled'] as const satisfies readonly JobState[];

export function missingCase(value: never): never {
  throw new Error(`unhandled case: ${String(value)}`);
}
