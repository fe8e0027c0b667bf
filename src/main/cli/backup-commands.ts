import { plural } from '../../shared/text/plural';
import type { Command } from 'commander';
import { dataPaths } from '../config/data-dir';
import { resolveDataDir } from '../config/data-dir';
import { runDoctor } from '../backup/doctor';
import { rebuildStore } from '../backup/rebuild-store';
import { restoreStore } from '../backup/restore-store';
import { systemClock } from '../time/clock';
import { CliError, exitCodes } from './cli-error';
import { call, json, out, withStore } from './cli-io';

const pathsOf = (program: Command) => dataPaths(resolveDataDir(program.opts<{ dataDir?: string }>().dataDir));

/** `lifeline backup`, `lifeline restore [FILE]`, `lifeline doctor [--rebuild]`. */
export function backupCommands(program: Command): void {
  program
    .command('backup')
    .description('back the store up now (online, verified); the oldest beyond backup.keep are removed')
    .option('--json', 'machine-readable output')
    .action(async (opts: { json?: boolean }) => {
      const b = await withStore(program, (app) => call(app, 'backups:create', {}));
      if (opts.json) json(b);
      else out(`backed up to ${b.name} (${(b.bytes / 1024 ** 2).toFixed(1)} MiB, integrity check ok)`);
    });

  program
    .command('restore')
    .description('put a backup in place of the store (default: the newest that passes its integrity check)')
    .argument('[file]', 'a backup file (default: the newest good one in backups/)')
    .option('--force', 'even though a running Lifeline seems to have the store open')
    .action((file: string | undefined, opts: { force?: boolean }) => {
      const r = restoreStore(pathsOf(program), { file, force: opts.force, now: systemClock.now() });
      out(
        `restored ${r.items === undefined || r.items === null ? '? items' : plural(r.items, 'item')} from ${r.restoredFrom}`,
      );
      if (r.movedAside) out(`the store it replaced was moved to ${r.movedAside}`);
      out('run `lifeline doctor` to see audio added after this backup (`lifeline doctor --rebuild` adds it back)');
    });

  program
    .command('doctor')
    .description('check the store: integrity, write-ahead log, orphaned audio, permissions, backups')
    .option(
      '--rebuild',
      're-add every stored recording no item holds (a damaged store is moved aside first); transcripts are redone',
    )
    .option('--force', 'with --rebuild: even though a running Lifeline seems to have the store open')
    .option('--json', 'machine-readable output')
    .action(async (opts: { rebuild?: boolean; force?: boolean; json?: boolean }) => {
      const paths = pathsOf(program);
      if (opts.rebuild) {
        const r = await rebuildStore(paths, { force: opts.force, clock: systemClock, env: process.env });
        if (r.movedAside) out(`the damaged store was moved to ${r.movedAside}; a new one was made`);
        out(
          `re-added ${r.readded} stored recording${r.readded === 1 ? '' : 's'}; their transcripts and memories are redone when Lifeline runs`,
        );
        if (r.damaged.length > 0)
          out(
            `${r.damaged.length} stored recordings do not match their checksum and were left out: ${r.damaged.join(', ')}`,
          );
      }
      const report = runDoctor(paths, systemClock.now());
      if (opts.json) json({ checks: report.checks, orphans: report.orphans, missing: report.missing });
      else for (const c of report.checks) out(`${c.status.padEnd(4)} ${c.name.padEnd(11)} ${c.message}`);
      if (report.checks.some((c) => c.status === 'fail'))
        throw new CliError('the store failed its check; see above', exitCodes.user);
    });
}
