import type { BulkResult, ItemState, RerunResult, RerunStage } from '../../../shared/contract';
import { stateLabels } from '../format/labels';
import { formatCount, plural } from '../format/numbers';

const done: Record<BulkResult['action'], string> = { retry: 'Retried', cancel: 'Cancelled', discard: 'Discarded' };
const rule: Record<BulkResult['action'], string> = {
  retry: 'only dead or cancelled items can be retried',
  cancel: 'only items still to run or running can be cancelled',
  discard: 'they were discarded already',
};

/** "Retried 3 items. 2 were left as they were (1 done, 1 queued): only dead or cancelled items can be retried." */
export function bulkNotice(r: BulkResult): string {
  const parts = [
    r.changed === 0
      ? `Nothing was ${done[r.action].toLowerCase()}.`
      : `${done[r.action]} ${plural(r.changed, 'item')}.`,
  ];
  if (r.skipped > 0) {
    const why = (Object.entries(r.skippedByState) as [ItemState, number][])
      .map(([s, n]) => `${formatCount(n)} ${stateLabels[s].toLowerCase()}`)
      .join(', ');
    parts.push(
      `${formatCount(r.skipped)} ${r.skipped === 1 ? 'was' : 'were'} left as ${r.skipped === 1 ? 'it was' : 'they were'} (${why}): ${rule[r.action]}.`,
    );
  }
  if (r.notFound > 0) parts.push(`${plural(r.notFound, 'item')} no longer existed.`);
  return parts.join(' ');
}

/** "3 items will be transcribed again; their results stay until the new ones are ready. 1 was left as it was (1 queued): only done items can be run again." */
export function rerunNotice(from: RerunStage, r: RerunResult): string {
  const what = from === 'transcribe' ? 'transcribed' : 'extracted';
  const parts = [
    r.changed === 0
      ? `Nothing will be ${what} again.`
      : `${plural(r.changed, 'item')} will be ${what} again; ${r.changed === 1 ? 'its' : 'their'} transcript and memories stay until the new ones are ready.`,
  ];
  if (r.skipped > 0) {
    const why = (Object.entries(r.skippedByState) as [ItemState, number][])
      .map(([s, n]) => `${formatCount(n)} ${stateLabels[s].toLowerCase()}`)
      .join(', ');
    parts.push(
      `${formatCount(r.skipped)} ${r.skipped === 1 ? 'was' : 'were'} left as ${r.skipped === 1 ? 'it was' : 'they were'} (${why}): only done items can be run again.`,
    );
  }
  if (r.notFound > 0) parts.push(`${plural(r.notFound, 'item')} no longer existed.`);
  return parts.join(' ');
}
