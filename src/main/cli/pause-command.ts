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
  const switches = [
    {
      name: 'pause',
      description: 'pause one stage, or every stage: its jobs wait (running ones finish); nothing is lost',
      one: 'stages:pause',
      all: 'stages:pauseAll',
    },
    {
      name: 'resume',
      description: 'resume one paused stage, or every one',
      one: 'stages:resume',
      all: 'stages:resumeAll',
    },
  ] as const;
  for (const s of switches) {
    program
      .command(s.name)
      .description(s.description)
      .argument('[stage]', `one of ${stages.join(', ')} (default: all)`)
      .option('--json', 'machine-readable output')
      .action(async (raw: string | undefined, opts: { json?: boolean }) => {
        const stage = parseStage(raw);
        print(opts, stage ? await callOnce(program, s.one, { stage }) : await callOnce(program, s.all, {}));
      });
  }
}
