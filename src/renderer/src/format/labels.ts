import type { ItemState, Stage } from '../../../shared/contract';

export const stageLabels: Record<Stage, string> = {
  ingest: 'Ingest',
  transcribe: 'Transcribe',
  extract: 'Extract',
  index: 'Index',
};

export const stateLabels: Record<ItemState, string> = {
  queued: 'Queued',
  scheduled: 'Scheduled',
  running: 'Running',
  retry_scheduled: 'Retrying',
  waiting: 'Waiting',
  done: 'Done',
  dead: 'Dead',
  cancelled: 'Cancelled',
  discarded: 'Discarded',
};

const timeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

/** An ISO timestamp from the engine in the reader's locale and time zone. */
export function formatTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : timeFormat.format(date);
}
