import type { Command } from 'commander';
import { stages, type QueueStats, type Stage, type StageInfo } from '../../shared/contract';
import { CliError, exitCodes } from './cli-error';
import { callOnce, json, out } from './cli-io';
import { formatStageLine } from './format';

function parseStage(raw: string | undefined): Stage | undefined {
  if (raw === undefined) return undefined;
  if (!(stages as readonly string[]).includes(raw))
    throw new CliError(`"${raw}" is not a stage; the stages are ${stages.join(', ')}`, exitCodes.user);
  return raw as Stage;
}

const print = (opts: { json?: boolean }, stats: QueueStats | StageInfo) => {
  if (opts.json) return json(stats);
  for (const s of 'stages' in stats ? stats.stages : [stats]) out(formatStageLine(s));
};

/**
 * `lifeline pause [stage]` / `lifeline resume [stage]`: the same switches as the buttons on Overview
 * and Services. A running engine (serve, the desktop app) follows within a moment: running jobs
 * finish, the rest wait with the reason shown, and nothing is lost.
 */
export function pauseCommands(program: Command): void {
  program
    .command('pause')
    .description('pause one stage, or every stage: its jobs wait (running ones finish); nothing is lost')
    .argument('[stage]', `one of ${stages.join(', ')} (default: all)`)
    .option('--json', 'machine-readable output')
    .action(async (raw: string | undefined, opts: { json?: boolean }) => {
      const stage = parseStage(raw);
      print(
        opts,
        stage ? await callOnce(program, 'stages:pause', { stage }) : await callOnce(program, 'stages:pauseAll', {}),
      );
    });
  program
    .command('resume')
    .description('resume one paused stage, or every one')
    .argument('[stage]', `one of ${stages.join(', ')} (default: all)`)
    .option('--json', 'machine-readable output')
    .action(async (raw: string | undefined, opts: { json?: boolean }) => {
      const stage = parseStage(raw);
      print(
        opts,
        stage ? await callOnce(program, 'stages:resume', { stage }) : await callOnce(program, 'stages:resumeAll', {}),
      );
    });
}
