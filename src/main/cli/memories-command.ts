import { Option, type Command } from 'commander';
import { memoryKinds, type MemoryEntry, type MemoryKind } from '../../shared/contract';
import { CliError, exitCodes } from './cli-error';
import { call, json, out, withStore } from './cli-io';
import { dueText, table } from './format';

const clock = (sec: number) => {
  const s = Math.floor(sec);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
};

export function formatMemories(memories: readonly MemoryEntry[]): string {
  if (memories.length === 0) return 'no memories';
  return table(
    ['item', 'at', 'kind', 'due', 'file', 'memory'],
    memories.map((m) => [
      String(m.itemId),
      m.source ? clock(m.source.start) : '',
      m.kind,
      dueText(m),
      m.fileName,
      m.text,
    ]),
  );
}

/** `lifeline memories [--kind K] [--limit N] [--json]`: memories, newest recordings first. */
export function memoriesCommand(program: Command): void {
  program
    .command('memories')
    .description('list memories (to-dos, events, facts, people), newest recordings first')
    .addOption(new Option('--kind <kind>', 'only memories of this kind').choices(memoryKinds))
    .option('--limit <n>', 'at most this many', '1000')
    .option('--json', 'machine-readable output')
    .action(async (opts: { kind?: MemoryKind; limit: string; json?: boolean }) => {
      const limit = Number(opts.limit);
      if (!Number.isInteger(limit) || limit < 1)
        throw new CliError(`--limit must be a whole number ≥ 1, got "${opts.limit}"`, exitCodes.user);
      const memories = await withStore(program, async (app) => {
        const all: MemoryEntry[] = [];
        let cursor: string | undefined;
        do {
          const page = await call(app, 'memories:list', {
            kind: opts.kind,
            cursor,
            limit: Math.min(500, limit - all.length),
          });
          all.push(...page.memories);
          cursor = page.nextCursor ?? undefined;
        } while (cursor && all.length < limit);
        return all;
      });
      if (opts.json) json(memories);
      else out(formatMemories(memories));
    });
}
