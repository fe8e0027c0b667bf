import { itemStates } from '../../shared/contract/model';

/**
 * States of an item's pipeline job; the item shows the same state. See design.md §2. A job that
 * succeeds at a stage moves on to the next stage as `queued`; after the last stage it is `done`.
 * One list with the contract's item states, so the two can never drift apart.
 */
export const jobStates = itemStates;
export type JobState = (typeof jobStates)[number];

/** States a user may cancel from. */
export const cancellableJobStates = [
  'queued',
  'scheduled',
  'running',
  'retry_scheduled',
  'waiting',
] as const satisfies readonly JobState[];
/** States a user may retry from: the stage where the item stopped runs again with fresh attempts. */
export const retryableJobStates = ['dead', 'cancelled'] as const satisfies readonly JobState[];
