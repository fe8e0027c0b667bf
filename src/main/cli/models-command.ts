import type { Command } from 'commander';
import type { ModelEntry } from '../../shared/contract';
import { missingCase } from '../../shared/missing-case';
import { CliError, exitCodes } from './cli-error';
import { call, callOnce, json, out, withStore } from './cli-io';
import { table } from './format';
import { terminalText } from './terminal-text';

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(bytes < 10e6 ? 1 : 0)} MB`;

function stateText(m: ModelEntry): string {
  switch (m.state) {
    case 'installed':
      return m.inUse ? 'in use' : 'downloaded';
    case 'downloading':
      return `downloading ${mb(m.receivedBytes)}${m.totalBytes ? ` of ${mb(m.totalBytes)}` : ''}`;
    case 'partial':
      return `paused at ${mb(m.receivedBytes)} (download resumes)`;
    case 'available':
      return m.error ? `failed: ${m.error}` : 'not downloaded';
    default:
      return missingCase(m.state);
  }
}

/** `lifeline models [list] [--json]`, `models download NAME`, `models use NAME`, `models remove NAME`. */
export function modelsCommand(program: Command): void {
  const models = program
    .command('models')
    .description('whisper models: list, download (resumable, checksum verified), use, remove')
    .option('--json', 'machine-readable output')
    .action(async (opts: { json?: boolean }) => listModels(program, opts.json));
  models
    .command('list')
    .description('the models you can download, and those on this computer')
    .option('--json', 'machine-readable output')
    .action(async (opts: { json?: boolean }) =>
      listModels(program, opts.json || program.commands.find((c) => c.name() === 'models')?.opts().json),
    );
  models
    .command('download')
    .description('download a model (resumes a paused download; the file is checked before it can be used)')
    .argument('<name>', 'a model, as lifeline models list names it')
    .action(async (name: string) => {
      await withStore(program, async (app) => {
        await call(app, 'models:download', { name });
        const done = app.models.finished(name);
        let lastPercent = -1;
        const onChange = (list: ModelEntry[]) => {
          const m = list.find((e) => e.name === name);
          if (!m || m.state !== 'downloading' || !m.totalBytes) return;
          const percent = Math.floor((m.receivedBytes / m.totalBytes) * 100);
          if (percent === lastPercent) return;
          lastPercent = percent;
          // A progress line rewrites itself with \r on purpose; the model's name is escaped like all output.
          process.stderr.write(
            `\rdownloading ${terminalText(name)}: ${percent}% (${mb(m.receivedBytes)} of ${mb(m.totalBytes)})`,
          );
        };
        app.models.on('changed', onChange);
        try {
          if (done) await done;
          const m = app.models.list().models.find((e) => e.name === name);
          if (m && lastPercent < 100)
            process.stderr.write(
              `\rdownloading ${terminalText(name)}: 100% (${mb(m.receivedBytes)} of ${mb(m.receivedBytes)})`,
            );
          lastPercent = 100;
        } catch (err: unknown) {
          throw new CliError(
            `download of ${name} failed: ${err instanceof Error ? err.message : String(err)}`,
            exitCodes.user,
          );
        } finally {
          app.models.off('changed', onChange);
          if (lastPercent >= 0) process.stderr.write('\n');
        }
        out(`model ${name} is downloaded and verified; \`lifeline models use ${name}\` makes it the one in use`);
      });
    });
  models
    .command('use')
    .description('make a downloaded model the one transcription uses')
    .argument('<name>', 'a model, as lifeline models list names it')
    .action(async (name: string) => {
      const m = await callOnce(program, 'models:use', { name });
      out(`model ${m.name} is in use from the next transcription`);
    });
  models
    .command('remove')
    .description('delete a downloaded model or a paused download')
    .argument('<name>', 'a model, as lifeline models list names it')
    .action(async (name: string) => {
      await callOnce(program, 'models:remove', { name });
      out(`model ${name} removed`);
    });
}

async function listModels(program: Command, asJson: boolean | undefined): Promise<void> {
  const list = await callOnce(program, 'models:list', {});
  if (asJson) return json(list);
  if (list.models.length === 0) throw new CliError('no models are known', exitCodes.user);
  out(
    table(
      ['name', 'size', 'state'],
      list.models.map((m) => [m.name, `${m.megabytes} MB`, stateText(m)]),
    ),
  );
  out(`models folder: ${list.dir}`);
}
