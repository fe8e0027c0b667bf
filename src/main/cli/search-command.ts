import type { Command } from 'commander';
import type { SearchHit } from '../../shared/contract';
import { resolveDataDir } from '../config/data-dir';
import { openLifeline } from '../lifeline';
import { CliError, exitCodes, fromTransferable } from './cli-error';
import { json, out } from './cli-io';
import { table } from './format';
import { withoutCutIndexedDate } from '../../shared/text/indexed-date';

const clock = (sec: number | null) => {
  if (sec === null) return '';
  const s = Math.floor(sec);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
};

const hitTable = (hits: SearchHit[]) =>
  table(
    ['item', 'at', 'kind', 'file', 'match'],
    hits.map((h) => [
      String(h.itemId),
      clock(h.start),
      h.kind,
      h.fileName,
      // A memory's date cut in half by the snippet says nothing; a whole one stays (the only date shown here).
      h.transcript
        ? `${withoutCutIndexedDate(h.snippet)}  (said: ${h.transcript.snippet})`
        : withoutCutIndexedDate(h.snippet),
    ]),
  );

/** Hits with every word first; when some or all are close matches, it says so above them. */
export function formatHits(hits: SearchHit[], exactCount: number): string {
  if (hits.length === 0) return 'no matches';
  const exact = hits.slice(0, exactCount);
  const close = hits.slice(exactCount);
  if (close.length === 0) return hitTable(exact);
  if (exact.length === 0) return `no exact match; close matches:\n${hitTable(close)}`;
  return `${hitTable(exact)}\n\nclose matches:\n${hitTable(close)}`;
}

/** `lifeline search <query...> [--json]`: ranked matches in transcripts and memories. */
export function searchCommand(program: Command): void {
  program
    .command('search')
    .description('search transcripts and memories')
    .argument('<query...>', 'words to look for; hits with every word come first')
    .option('--limit <n>', 'at most this many matches', '20')
    .option('--json', 'machine-readable output')
    .action(async (words: string[], opts: { limit: string; json?: boolean }) => {
      const limit = Number(opts.limit);
      if (!Number.isInteger(limit) || limit < 1 || limit > 200)
        throw new CliError(`--limit must be 1–200, got "${opts.limit}"`, exitCodes.user);
      const app = openLifeline({
        dataDir: resolveDataDir(program.opts<{ dataDir?: string }>().dataDir),
        withEngine: false,
        processName: 'cli',
      });
      try {
        const r = await app.call('search:query', { query: words.join(' '), limit });
        if (!r.ok) throw fromTransferable(r.error);
        if (opts.json) json(r.value.hits);
        else out(formatHits(r.value.hits, r.value.exactCount));
      } finally {
        await app.close();
      }
    });
}
