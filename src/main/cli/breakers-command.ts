import type { Command } from 'commander';
import { CliError, exitCodes } from './cli-error';
import { callOnce, json, out } from './cli-io';
import { table } from './format';

/** `lifeline breakers [--json]`, `lifeline breakers reset NAME`, `lifeline breakers reset --all`. */
export function breakersCommand(program: Command): void {
  const breakers = program
    .command('breakers')
    .description('circuit breakers of external services; `breakers reset NAME` closes one')
    .option('--json', 'machine-readable output')
    .action(async (opts: { json?: boolean }) => {
      const list = await callOnce(program, 'breakers:list', {});
      if (opts.json) return json(list);
      if (list.length === 0) return out('no breakers: no stage uses an external service');
      out(
        table(
          ['name', 'state', 'failures', 'open until', 'stages', 'reason'],
          list.map((b) => [
            b.name,
            b.state,
            String(b.consecutiveFailures),
            b.openUntil ?? '-',
            b.stages.join(','),
            b.reason ?? '',
          ]),
        ),
      );
    });
  breakers
    .command('reset')
    .description('close a breaker by hand (its stage resumes)')
    .argument('[name]', 'a breaker, as lifeline breakers names it')
    .option('--all', 'reset every breaker that is not closed')
    .action(async (name: string | undefined, opts: { all?: boolean }) => {
      if (opts.all === Boolean(name)) throw new CliError('give a breaker name or --all', exitCodes.user);
      if (opts.all) {
        const r = await callOnce(program, 'breakers:resetAll', {});
        return out(`reset ${r.count} breaker${r.count === 1 ? '' : 's'}`);
      }
      const b = await callOnce(program, 'breakers:reset', { name: name! });
      out(`breaker ${b.name} is ${b.state}`);
    });
}
