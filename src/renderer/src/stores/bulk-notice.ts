import type { BulkResult, ItemState } from '../../../shared/contract';
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
  const parts = [r.changed === 0 ? `Nothing was ${done[r.action].toLowerCase()}.` : `${done[r.action]} ${plural(r.changed, 'item')}.`];
  if (r.skipped > 0) {
    const why = (Object.entries(r.skippedByState) as [ItemState, number][]).map(([s, n]) => `${formatCount(n)} ${stateLabels[s].toLowerCase()}`).join(', ');
    parts.push(`${formatCount(r.skipped)} ${r.skipped === 1 ? 'was' : 'were'} left as ${r.skipped === 1 ? 'it was' : 'they were'} (${why}): ${rule[r.action]}.`);
  }
  if (r.notFound > 0) parts.push(`${plural(r.notFound, 'item')} no longer existed.`);
  return parts.join(' ');
}
