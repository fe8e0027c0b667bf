import type { ItemSummary, LifelineApi, TransferableError } from '../../../shared/contract';
import { deadLettersCsv, deadLettersJson, exportFileName } from './dead-letters-export';
import { downloadText } from './download';

const pageSize = 500;

/** Fetches every dead letter (page by page) and hands the file to the download; the count, or why not. */
export async function exportDeadLetters(
  api: LifelineApi,
  kind: 'json' | 'csv',
): Promise<{ ok: true; count: number } | { ok: false; error: TransferableError }> {
  const all: ItemSummary[] = [];
  let cursor: string | undefined;
  do {
    const r = await api.call('items:list', { state: 'dead', limit: pageSize, cursor });
    if (!r.ok) return r;
    all.push(...r.value.items);
    cursor = r.value.nextCursor ?? undefined;
  } while (cursor);
  const now = new Date();
  if (kind === 'json')
    downloadText(exportFileName('json', now), 'application/json', deadLettersJson(all, now.toISOString()));
  else downloadText(exportFileName('csv', now), 'text/csv', deadLettersCsv(all));
  return { ok: true, count: all.length };
}
