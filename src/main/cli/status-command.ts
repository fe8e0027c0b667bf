import { stages } from '../../shared/contract/names';
import { openCheckedDatabase } from '../backup/open-checked-database';
import { configFromSettings, resolveSettings } from '../config/config';
import { dataPaths, resolveDataDir } from '../config/data-dir';
import { makeDataDirPrivate, makeFilesPrivate } from '../config/private-data-dir';
import { heldByUserReason } from '../engine/stage-pause';
import { OverviewCounts } from '../store/overview-counts';
import { SettingsStore } from '../store/settings-store';
import { CliError, exitCodes } from './cli-error';
import { json, out } from './cli-output';
import { formatStageLine, formatStatus } from './format';

/**
 * `lifeline status [--json]`: counts of items by stage and state, and the stages you paused or
 * stopped. It runs at every glance, so it opens the store with the same checks as every command
 * (a pending restore, a lost or damaged store) and reads two tables: no pipeline, no engine, no
 * schema library, no logger unless there is something to log.
 */
export async function runStatus(dataDirOption: string | undefined, asJson: boolean): Promise<void> {
  const dataDir = resolveDataDir(dataDirOption);
  const paths = dataPaths(dataDir);
  const madePrivate = makeDataDirPrivate(paths.dataDir);
  const now = Date.now();
  const { db, restored } = openCheckedDatabase(paths, { now });
  try {
    if (madePrivate > 0 || restored) {
      // As opening Lifeline says it (lifeline.ts), in the same log.
      const { createLogger } = await import('../log/logger');
      const log = createLogger(paths.logs, 'cli');
      if (madePrivate > 0)
        log.info({ changed: madePrivate }, 'made the data dir private to this user (0700 folders, 0600 files)');
      if (restored)
        log.warn(
          { from: restored.restoredFrom, movedAside: restored.movedAside },
          'store restored from a backup at start',
        );
      log.flush();
    }
    makeFilesPrivate([paths.database, `${paths.database}-wal`, `${paths.database}-shm`]);
    // A bad LIFELINE_* variable stops status as it stops every command (ConfigError).
    const config = configFromSettings(resolveSettings(process.env, new SettingsStore(db).all()).values);
    let overview;
    try {
      overview = new OverviewCounts(db).overview();
    } catch (err: unknown) {
      // Worded as the API words a failed call, which is how status reported it before.
      throw new CliError(
        `internal error in overview:get: ${err instanceof Error ? err.message : String(err)}`,
        exitCodes.internal,
      );
    }
    if (asJson) {
      json({ items: overview.totals, byStage: overview.byStage, total: overview.items, dataDir });
      return;
    }
    // A paused or stopped stage is said under the counts, with how many items wait for it.
    const held = stages
      .map((stage) => ({
        stage,
        counts: overview.byStage[stage],
        heldBy: heldByUserReason(stage, config.stages[stage]),
        blockedBy: null,
      }))
      .filter((s) => s.heldBy);
    out([formatStatus(overview), ...held.map((s) => formatStageLine(s))].join('\n'));
  } finally {
    db.close();
  }
}

/**
 * The arguments of a plain `lifeline status [--json]` (with `--data-dir D` before it), or null for
 * anything else (help, other options, other commands), which the full program parses.
 */
export function plainStatusArgs(argv: readonly string[]): { dataDir: string | undefined; json: boolean } | null {
  let dataDir: string | undefined;
  let i = 0;
  for (; i < argv.length && argv[i] !== 'status'; i++) {
    const a = argv[i]!;
    if (a === '--data-dir' && i + 1 < argv.length && argv[i + 1]!.length > 0 && !argv[i + 1]!.startsWith('-'))
      dataDir = argv[++i];
    else if (a.startsWith('--data-dir=') && a.length > '--data-dir='.length) dataDir = a.slice('--data-dir='.length);
    else return null;
  }
  if (argv[i] !== 'status') return null;
  const rest = argv.slice(i + 1);
  if (rest.length > 1 || (rest.length === 1 && rest[0] !== '--json')) return null;
  return { dataDir, json: rest.length === 1 };
}
