import type { Command } from 'commander';
import type { UpcomingBucketName, UpcomingEntry, UpcomingList } from '../../shared/contract';
import { CliError, exitCodes } from './cli-error';
import { call, callOnce, json, out, withStore } from './cli-io';
import { clockText, dayText, table } from './format';

const headings: Record<UpcomingBucketName, string> = {
  overdue: 'Overdue',
  today: 'Today',
  week: 'This week',
  later: 'Later',
  undated: 'To-dos without a date',
};

const clock = (sec: number | null) => {
  if (sec === null) return '';
  const s = Math.floor(sec);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
};

/** "Fri 2026-12-11", or with its time "Fri 2026-12-11 16:00" (local); a date said without a time has no time. */
function when(e: UpcomingEntry): string {
  if (e.day === null) return '';
  if (e.allDay || e.at === null || /^\d{4}-\d{2}-\d{2}$/.test(e.at)) return dayText(e.day);
  return `${dayText(e.day)} ${clockText(new Date(e.at))}`;
}

export function formatUpcoming(list: UpcomingList): string {
  const shown = list.groups.filter((g) => g.total > 0);
  if (shown.length === 0) return 'nothing coming up: no to-dos or events yet';
  return shown
    .map((g) => {
      const more = g.total > g.entries.length ? `\n(${g.total - g.entries.length} more)` : '';
      const rows = g.entries.map((e) => [
        e.done ? '[x]' : '[ ]',
        `#${e.memoryId}`,
        e.kind,
        when(e),
        `${e.fileName} ${clock(e.start)}`.trim(),
        e.text,
      ]);
      return `${headings[g.bucket]} (${g.total})\n${table(['done', 'ref', 'kind', 'when', 'said in', 'what'], rows)}${more}`;
    })
    .join('\n\n');
}

function parseRef(raw: string): number {
  const id = Number(raw.replace(/^#/, ''));
  if (!Number.isInteger(id) || id < 1)
    throw new CliError(`"${raw}" is not a memory reference (the #N that lifeline upcoming shows)`, exitCodes.user);
  return id;
}

/** `lifeline upcoming [--json]` and `lifeline done <ref> [--undo]`. */
export function upcomingCommand(program: Command): void {
  program
    .command('upcoming')
    .description('to-dos and events by date: overdue, today, this week, later, and to-dos without a date')
    .option('--limit <n>', 'at most this many per group', '200')
    .option('--json', 'machine-readable output')
    .action(async (opts: { limit: string; json?: boolean }) => {
      const limit = Number(opts.limit);
      if (!Number.isInteger(limit) || limit < 1 || limit > 1000)
        throw new CliError(`--limit must be 1–1000, got "${opts.limit}"`, exitCodes.user);
      const list = await callOnce(program, 'upcoming:list', { limit });
      if (opts.json) json(list);
      else out(formatUpcoming(list));
    });

  program
    .command('done')
    .description(
      'tick a to-do or event Done (the #N from lifeline upcoming); kept when the recording is extracted again',
    )
    .argument('<ref>', 'the #N that lifeline upcoming shows (#12 or 12)')
    .option('--undo', 'clear the tick instead')
    .action(async (raw: string, opts: { undo?: boolean }) => {
      const memoryId = parseRef(raw);
      const line = await withStore(program, async (app) => {
        // Read before the tick: a done to-do whose day has passed leaves the list.
        const list = await call(app, 'upcoming:list', { limit: 1000 });
        const entry = list.groups.flatMap((g) => g.entries).find((e) => e.memoryId === memoryId);
        const r = await call(app, 'upcoming:setDone', { memoryId, done: !opts.undo });
        return doneLine(r, entry);
      });
      out(line);
    });
}

/** "#12 done: call alice on thursday (monday.wav)": what was ticked, so a mistyped #N shows at once. */
export function doneLine(
  r: { memoryId: number; done: boolean },
  entry: Pick<UpcomingEntry, 'text' | 'fileName'> | undefined,
): string {
  const what = entry ? `: ${entry.text} (${entry.fileName})` : '';
  return `#${r.memoryId} ${r.done ? 'done' : 'not done'}${what}`;
}
