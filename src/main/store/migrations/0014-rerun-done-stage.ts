import type { Migration } from './migration';

/**
 * `reruns.done_stage`: the stage a done item finished at before it was sent to run again. Cancelling
 * the re-run puts the item back there, done, with the outputs it had (they were never replaced):
 * a person who stops "Extract again" has not asked to stop the item. Re-runs asked before this
 * column existed read null, and their cancel leaves the item cancelled as before.
 */
export const m0014RerunDoneStage: Migration = {
  version: 14,
  name: 'rerun-done-stage',
  sql: `
    ALTER TABLE reruns ADD COLUMN done_stage TEXT;
  `,
};
