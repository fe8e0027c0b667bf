import type { Command } from 'commander';
import type { RecoveryOutcomeInfo } from '../../shared/contract';
import { CliError, exitCodes } from './cli-error';
import { callOnce, json, out } from './cli-io';
import { table } from './format';

const describe = (rs: RecoveryOutcomeInfo[]) =>
  rs.length === 0
    ? 'nothing was stuck'
    : table(
        ['item', 'stage', 'rule', 'strategy', 'result'],
        rs.map((r) => [String(r.itemId), r.stage, r.why, r.strategy, r.result]),
      );

/**
 * `lifeline recover ID | --scan | --reset-stuck`. Works against the store, so it needs no running
 * engine: without one, `--scan` checks expired leases and processes that are gone (it says so).
 */
export function recoverCommand(program: Command): void {
  program
    .command('recover')
    .description('recover a running item now, scan for stuck jobs (--scan), or recover every stuck job (--reset-stuck)')
    .argument('[id]', 'the id of a running item')
    .option('--scan', 'run the stuck scan now')
    .option('--reset-stuck', 'recover every running job that a stuck rule finds')
    .option('--json', 'machine-readable output')
    .action(async (raw: string | undefined, opts: { scan?: boolean; resetStuck?: boolean; json?: boolean }) => {
      const chosen = [raw !== undefined, opts.scan === true, opts.resetStuck === true].filter(Boolean).length;
      if (chosen !== 1) throw new CliError('give one of: an item id, --scan, --reset-stuck', exitCodes.user);
      if (raw !== undefined) {
        const id = Number(raw);
        if (!Number.isInteger(id) || id < 1)
          throw new CliError(`"${raw}" is not an item id (a whole number ≥ 1)`, exitCodes.user);
        const r = await callOnce(program, 'recovery:recoverItem', { id });
        return opts.json ? json(r) : out(`item ${r.itemId}: ${r.strategy} (${r.result})`);
      }
      const r = await callOnce(program, opts.scan ? 'recovery:scan' : 'recovery:resetStuck', {});
      if (opts.json) return json(r);
      out(describe(r.recovered));
      if (r.note) out(`note: ${r.note}`);
    });
}
