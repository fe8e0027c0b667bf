import type { Command } from 'commander';
import {
  formatSettingValue,
  parseSettingInput,
  settingSpec,
  type SettingEntry,
  type SettingSpec,
} from '../../shared/contract';
import { CliError, exitCodes } from './cli-error';
import { callOnce, json, out } from './cli-io';
import { table } from './format';

function specOf(key: string): SettingSpec {
  const spec = settingSpec(key);
  if (!spec) throw new CliError(`there is no setting "${key}" (run lifeline settings to list them)`, exitCodes.user);
  return spec;
}

const shown = (e: SettingEntry) => formatSettingValue(specOf(e.key), e.value);
const from = (e: SettingEntry) => (e.source === 'env' ? `set by ${e.env}` : e.source);

/**
 * `lifeline settings [--json]` lists every setting; `settings get KEY` prints one value;
 * `settings set KEY VALUE` validates and stores one (`--reset` instead of a value: back to the default).
 */
export function settingsCommand(program: Command): void {
  const settings = program
    .command('settings')
    .description('every setting with its value and where it comes from; `settings get|set KEY [VALUE]`')
    .option('--json', 'machine-readable output')
    .action(async (opts: { json?: boolean }) => {
      const list = await callOnce(program, 'settings:get', {});
      if (opts.json) return json(list);
      out(
        table(
          ['setting', 'value', 'from', 'default'],
          list.map((e) => [e.key, shown(e), from(e), formatSettingValue(specOf(e.key), e.default)]),
        ),
      );
    });
  // `settings get KEY --json`: commander gives --json to `settings`, which declares it too.
  const wantsJson = (opts: { json?: boolean }) =>
    opts.json === true || settings.opts<{ json?: boolean }>().json === true;
  settings
    .command('get')
    .description('one setting: its value (the raw value with --json, and where it comes from)')
    .argument('<key>', 'a setting, as lifeline settings lists them (e.g. asr.engine)')
    .option('--json', 'machine-readable output')
    .action(async (key: string, opts: { json?: boolean }) => {
      specOf(key);
      const entry = (await callOnce(program, 'settings:get', {})).find((e) => e.key === key)!;
      if (wantsJson(opts)) return json(entry);
      out(typeof entry.value === 'string' ? entry.value : String(entry.value));
    });
  settings
    .command('set')
    .description('change a setting (validated first; an environment variable still wins)')
    .argument('<key>', 'a setting, as lifeline settings lists them (e.g. asr.engine)')
    .argument('[value]', 'the new value; durations take a unit: "30s", "5min"')
    .option('--reset', 'back to the default')
    .option('--json', 'machine-readable output')
    .action(async (key: string, raw: string | undefined, opts: { reset?: boolean; json?: boolean }) => {
      const spec = specOf(key);
      // A forgotten value must not quietly reset the setting: the default is asked for by name.
      if (raw === undefined && !opts.reset)
        throw new CliError(`settings set ${key} needs a value; to go back to the default, use --reset`, exitCodes.user);
      if (raw !== undefined && opts.reset) throw new CliError('give a value or --reset, not both', exitCodes.user);
      let value = null;
      if (raw !== undefined) {
        const parsed = parseSettingInput(spec, raw);
        if (!parsed.ok) throw new CliError(`${key} ${parsed.message}, got "${raw}"`, exitCodes.user);
        value = parsed.value;
      }
      const entry = (await callOnce(program, 'settings:set', { values: { [key]: value } })).find((e) => e.key === key)!;
      if (wantsJson(opts)) return json(entry);
      out(`${key} = ${shown(entry)}${entry.atStart ? ' (applies at next start)' : ''}`);
    });
}
