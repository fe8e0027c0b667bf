/**
 * The names the contract's schemas are built from, without the schemas: code that only needs to
 * list stages or states (the CLI's status, the settings) loads no schema library.
 */

/** Pipeline stages in the order an item passes through them. */
export const stages = ['ingest', 'transcribe', 'extract', 'index'] as const;

/**
 * What the user sees an item doing. `done` means every stage succeeded; the others mirror the
 * state of the item's current stage job (a job that succeeded hands over to the next stage).
 */
export const itemStates = [
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
