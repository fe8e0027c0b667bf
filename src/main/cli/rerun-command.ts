import { Option, type Command } from 'commander';
import { rerunStages, type RerunStage } from '../../shared/contract';
import { CliError, exitCodes } from './cli-error';
import { callOnce, out } from './cli-io';
import { plural } from '../../shared/text/plural';

/** `lifeline rerun <ids…> --from transcribe|extract`: "Transcribe again" / "Extract again". */
export function rerunCommand(program: Command): void {
  program
    .command('rerun')
    .description('run done items again from a stage; the old transcript and memories stay until the new run succeeds')
    .argument('<ids...>', 'ids of done items, as lifeline items lists them')
    .addOption(new Option('--from <stage>', 'the first stage to run again').choices(rerunStages).makeOptionMandatory())
    .action(async (raw: string[], opts: { from: RerunStage }) => {
      const ids = raw.map((r) => {
        const id = Number(r);
        if (!Number.isInteger(id) || id < 1)
          throw new CliError(`"${r}" is not an item id (a whole number ≥ 1)`, exitCodes.user);
        return id;
      });
      const r = await callOnce(program, 'items:rerun', { target: { kind: 'ids', ids }, from: opts.from });
      if (r.changed > 0) out(`${plural(r.changed, 'item')} queued to run again from ${opts.from}`);
      const problems = rerunProblems(ids, r);
      if (problems.length > 0) throw new CliError(problems.join('; '), exitCodes.user);
    });
}

/** Why some ids were not run again, in the words `lifeline show` uses for an id with no item. */
export function rerunProblems(
  ids: readonly number[],
  r: { notFound: number; skippedByState: Partial<Record<string, number>> },
): string[] {
  const problems: string[] = [];
  if (r.notFound > 0)
    problems.push(
      ids.length === 1
        ? `there is no item ${ids[0]}`
        : `${plural(r.notFound, 'id')} ${r.notFound === 1 ? 'names' : 'name'} no item`,
    );
  for (const [state, n = 0] of Object.entries(r.skippedByState))
    problems.push(`${plural(n, 'item')} ${n === 1 ? 'is' : 'are'} ${state}; only done items can be run again`);
  return problems;
}
