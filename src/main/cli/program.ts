import { plural } from '../../shared/text/plural';
import { Command, CommanderError, Option } from 'commander';
import { itemStates, stages, type ItemsPage, type ItemSummary } from '../../shared/contract';
import { dataPaths, resolveDataDir } from '../config/data-dir';
import { damagedStoreError, isCorruptionError } from '../backup/store-damage';
import { CliError, exitCodes } from './cli-error';
import { fullDiskMessage } from './full-disk-message';
import { call, err as printError, json, out, withStore } from './cli-io';
import { formatItem, formatItems } from './format';
import { runStatus } from './status-command';
import { searchCommand } from './search-command';
import { memoriesCommand } from './memories-command';
import { serveCommand } from './serve-command';
import { healthCommand } from './health-command';
import { breakersCommand } from './breakers-command';
import { modelsCommand } from './models-command';
import { recoverCommand } from './recover-command';
import { metricsCommand } from './metrics-command';
import { settingsCommand } from './settings-command';
import { upcomingCommand } from './upcoming-command';
import { rerunCommand } from './rerun-command';
import { backupCommands } from './backup-commands';
import { pauseCommands } from './pause-command';

interface GlobalOptions {
  dataDir?: string;
}

function parseId(raw: string): number {
  const id = Number(raw);
  if (!Number.isInteger(id) || id < 1)
    throw new CliError(`"${raw}" is not an item id (a whole number ≥ 1)`, exitCodes.user);
  return id;
}

export function buildProgram(): Command {
  const program = new Command('lifeline')
    .description('Lifeline: audio → transcript → memories, with nothing lost or silently stuck.')
    .option('--data-dir <dir>', 'where the store lives (default: $LIFELINE_DATA_DIR or the OS app-data dir)')
    .showHelpAfterError('(run lifeline --help for usage)')
    // Commander repeats arguments in its usage errors: they are printed as safely as everything else.
    .configureOutput({ writeOut: out, writeErr: printError })
    .exitOverride();

  program
    .command('add')
    .description('add audio files; the same audio twice is one item')
    .argument('<files...>', 'audio files (any format ffmpeg reads)')
    .option('--priority <n>', 'higher runs first, -100..100', '0')
    .action(async (files: string[], opts: { priority: string }) => {
      const priority = Number(opts.priority);
      if (!Number.isInteger(priority))
        throw new CliError(`--priority must be a whole number, got "${opts.priority}"`, exitCodes.user);
      const r = await withStore(program, (app) => call(app, 'items:add', { paths: files, priority }));
      for (const a of r.added) out(`added ${a.id} ${a.file}`);
      for (const d of r.duplicates) out(`duplicate of ${d.id} ${d.file}`);
      for (const x of r.rejected) printError(`rejected ${x.file}: ${x.message}`);
      if (r.rejected.length > 0)
        throw new CliError(
          `${r.rejected.length} of ${plural(files.length, 'file')} could not be added`,
          exitCodes.user,
        );
    });

  program
    .command('status')
    .description('counts of items by stage and state')
    .option('--json', 'machine-readable output')
    .action(async (opts: { json?: boolean }) => {
      await runStatus(program.opts<GlobalOptions>().dataDir, opts.json === true);
    });

  program
    .command('items')
    .description('list items, newest first')
    .addOption(new Option('--state <state>', 'only items in this state').choices(itemStates))
    .addOption(new Option('--stage <stage>', 'only items at this stage').choices(stages))
    .option('--limit <n>', 'at most this many', '1000')
    .option('--json', 'machine-readable output')
    .action(
      async (opts: {
        state?: (typeof itemStates)[number];
        stage?: (typeof stages)[number];
        limit: string;
        json?: boolean;
      }) => {
        const limit = Number(opts.limit);
        if (!Number.isInteger(limit) || limit < 1)
          throw new CliError(`--limit must be a whole number ≥ 1, got "${opts.limit}"`, exitCodes.user);
        const items = await withStore(program, async (app) => {
          const all: ItemSummary[] = [];
          let cursor: string | undefined;
          do {
            const page: ItemsPage = await call(app, 'items:list', {
              state: opts.state,
              stage: opts.stage,
              cursor,
              limit: Math.min(500, limit - all.length),
            });
            all.push(...page.items);
            cursor = page.nextCursor ?? undefined;
          } while (cursor && all.length < limit);
          return all;
        });
        if (opts.json) json(items);
        else out(formatItems(items));
      },
    );

  program
    .command('show')
    .description('one item with its timeline')
    .argument('<id>', 'the item id, as lifeline items lists it')
    .option('--json', 'machine-readable output')
    .action(async (raw: string, opts: { json?: boolean }) => {
      const d = await withStore(program, (app) => call(app, 'items:get', { id: parseId(raw) }));
      if (opts.json) json(d);
      else out(formatItem(d));
    });

  program
    .command('retry')
    .description('requeue a dead or cancelled item (or every dead letter)')
    .argument('[id]', 'the item id (or --all-dead for every dead letter)')
    .option('--all-dead', 'retry every dead letter')
    .action(async (raw: string | undefined, opts: { allDead?: boolean }) => {
      if (opts.allDead && raw) throw new CliError('give an id or --all-dead, not both', exitCodes.user);
      if (opts.allDead) {
        const r = await withStore(program, (app) => call(app, 'items:retryAllDead', {}));
        out(`requeued ${r.count} dead letter${r.count === 1 ? '' : 's'}`);
      } else if (raw) {
        const item = await withStore(program, (app) => call(app, 'items:retry', { id: parseId(raw) }));
        out(`item ${item.id} requeued at ${item.stage}`);
      } else {
        throw new CliError('retry needs an item id or --all-dead', exitCodes.user);
      }
    });

  program
    .command('discard')
    .description('remove an item from lists and dead letters (history kept)')
    .argument('<id>', 'the item id')
    .action(async (raw: string) => {
      const item = await withStore(program, (app) => call(app, 'items:discard', { id: parseId(raw) }));
      out(`item ${item.id} discarded`);
    });

  program
    .command('cancel')
    .description('stop an item')
    .argument('<id>', 'the item id')
    .action(async (raw: string) => {
      const item = await withStore(program, (app) => call(app, 'items:cancel', { id: parseId(raw) }));
      out(`item ${item.id} cancelled`);
    });

  searchCommand(program);
  memoriesCommand(program);
  serveCommand(program);
  healthCommand(program);
  breakersCommand(program);
  recoverCommand(program);
  metricsCommand(program);
  settingsCommand(program);
  backupCommands(program);
  modelsCommand(program);
  upcomingCommand(program);
  rerunCommand(program);
  pauseCommands(program);
  return program;
}

/** Parses and runs any command; resolves with the exit code instead of exiting (main.ts decides what to load). */
export async function runProgram(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCodes.ok;
  } catch (err: unknown) {
    if (err instanceof CommanderError) {
      // Help and version are not errors; usage mistakes are the user's (commander printed them).
      return err.exitCode === 0 ? exitCodes.ok : exitCodes.user;
    }
    return cliFailure(err, program.opts<GlobalOptions>().dataDir);
  }
}

/** Says why a command failed, in one line on stderr, and gives its exit code. */
export async function cliFailure(err: unknown, dataDirOption: string | undefined): Promise<number> {
  if (err instanceof CliError) {
    printError(`lifeline: ${err.message}`);
    return err.exitCode;
  }
  const e = err as Error;
  const name = (e as { name?: string }).name;
  // A store Lifeline will not open (lost, unreadable) and a restore it will not do are the user's to act on.
  if (name === 'DamagedStoreError' || name === 'RestoreRefusedError' || name === 'BackupFailedError') {
    printError(`lifeline: ${e.message}`);
    return exitCodes.user;
  }
  if (isCorruptionError(err)) {
    const paths = dataPaths(resolveDataDir(dataDirOption));
    printError(`lifeline: ${damagedStoreError(paths, `is damaged (${e.message})`).message}`);
    return exitCodes.user;
  }
  if (name === 'SchemaTooNewError') {
    printError(`lifeline: ${e.message}`);
    return exitCodes.user;
  }
  const full = await fullDiskMessage(err, resolveDataDir(dataDirOption));
  if (full) {
    printError(`lifeline: ${full}`);
    return exitCodes.user;
  }
  printError(`lifeline: internal error: ${e?.message ?? String(err)}`);
  return exitCodes.internal;
}
