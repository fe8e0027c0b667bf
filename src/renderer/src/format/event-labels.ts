/** Timeline event types in words; unknown types (from newer engines) are shown as they are. */
const labels: Record<string, string> = {
  added: 'Added',
  readded: 'Added again',
  started: 'Started',
  succeeded: 'Stage finished',
  retry_scheduled: 'Failed, will retry',
  dead: 'Failed for good',
  due: 'Due again',
  waiting: 'Waiting',
  resumed: 'Resumed',
  released: 'Put back at shutdown',
  recovered: 'Recovered',
  retried: 'Retried',
  cancelled: 'Cancelled',
  discarded: 'Discarded',
  rerun: 'Run again',
  rerun_published: 'New results in place',
};

export function eventLabel(type: string): string {
  return labels[type] ?? type.replace(/_/g, ' ');
}

export type EventTone = 'good' | 'warn' | 'bad' | 'info';

export function eventTone(type: string): EventTone {
  switch (type) {
    case 'succeeded':
    case 'resumed':
    case 'rerun_published':
      return 'good';
    case 'waiting':
    case 'retry_scheduled':
    case 'recovered':
    case 'released':
      return 'warn';
    case 'dead':
      return 'bad';
    default:
      return 'info';
  }
}
