import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import {
  settingEnvName,
  settingProblem,
  settingSpec,
  settingSpecs,
  settingsProblems,
  type SettingEntry,
  type SettingSpec,
  type SettingValue,
} from '../../shared/contract';
import type { SettingsStore } from '../store/settings-store';
import type { Clock } from '../time/clock';
import {
  ConfigError,
  configFromSettings,
  resolveSettings,
  type EngineConfig,
  type ResolvedSettings,
} from '../config/config';

/** A settings write the user must fix (unknown key, out of range, set by the environment). */
export class SettingsError extends Error {
  override readonly name = 'SettingsError';
  constructor(
    message: string,
    readonly kind: 'invalid' | 'locked',
  ) {
    super(message);
  }
}

/** A path setting must name something that exists now, so that a typo is caught where it is typed. */
function pathProblem(spec: SettingSpec, value: SettingValue): string | null {
  if (spec.kind !== 'text' || (spec.format !== 'directory' && spec.format !== 'file') || value === '') return null;
  const p = String(value);
  if (!path.isAbsolute(p)) return `${spec.key} must be an absolute path, got "${p}"`;
  let stat: fs.Stats;
  try {
    stat = fs.statSync(p);
  } catch {
    return `${spec.key}: the ${spec.format === 'directory' ? 'folder' : 'file'} "${p}" does not exist`;
  }
  if (spec.format === 'directory' && !stat.isDirectory()) return `${spec.key}: "${p}" is a file, not a folder`;
  if (spec.format === 'file' && !stat.isFile()) return `${spec.key}: "${p}" is not a file`;
  return null;
}

/**
 * The live configuration: defaults, then the `settings` table, then LIFELINE_* variables. Writes are
 * validated against the settings list (and the rules tying settings together) before they are
 * stored; a write from another process is picked up through the settings revision.
 */
export class SettingsService extends EventEmitter<{ changed: [config: EngineConfig] }> {
  private resolved: ResolvedSettings;
  private config: EngineConfig;
  private revision: number;

  constructor(
    private readonly store: SettingsStore,
    private readonly env: NodeJS.ProcessEnv,
    private readonly clock: Clock,
  ) {
    super();
    this.revision = store.revision();
    this.resolved = this.resolve();
    this.config = configFromSettings(this.resolved.values);
  }

  get current(): EngineConfig {
    return this.config;
  }

  entries(): SettingEntry[] {
    return settingSpecs.map((spec) => ({
      key: spec.key,
      value: this.resolved.values[spec.key]!,
      default: spec.default,
      source: this.resolved.sources[spec.key]!,
      env: settingEnvName(spec.key),
      kind: spec.kind,
      unit: spec.unit,
      min: spec.kind === 'int' || spec.kind === 'number' ? spec.min : null,
      max: spec.kind === 'int' || spec.kind === 'number' ? spec.max : null,
      choices: spec.kind === 'choice' ? [...spec.choices] : [],
      format: spec.kind === 'text' ? spec.format : null,
      atStart: spec.atStart === true,
      doc: spec.doc,
    }));
  }

  /** Stores new values (null: back to the default) after validating them all; nothing is stored if one is wrong. */
  write(changes: Record<string, SettingValue | null>): SettingEntry[] {
    const candidate = { ...this.resolved.values };
    for (const [key, value] of Object.entries(changes)) {
      const spec = settingSpec(key);
      if (!spec) throw new SettingsError(`there is no setting "${key}"`, 'invalid');
      if (this.resolved.sources[key] === 'env') {
        throw new SettingsError(
          `${key} is set by ${settingEnvName(key)} in the environment; change it there`,
          'locked',
        );
      }
      if (value === null) {
        candidate[key] = spec.default;
        continue;
      }
      const problem = settingProblem(spec, value) ?? pathProblem(spec, value);
      if (problem) throw new SettingsError(problem, 'invalid');
      candidate[key] = value;
    }
    const problems = settingsProblems(candidate);
    if (problems.length > 0) throw new SettingsError(problems.join('; '), 'invalid');
    this.store.write(changes, this.clock.now());
    this.reload();
    return this.entries();
  }

  /** Another process may have changed settings; returns whether they changed. */
  reloadIfChanged(): boolean {
    if (this.store.revision() === this.revision) return false;
    this.reload();
    return true;
  }

  private reload(): void {
    this.revision = this.store.revision();
    try {
      this.resolved = this.resolve();
    } catch (err: unknown) {
      // Stored values that are inconsistent together keep the last good configuration running.
      if (err instanceof ConfigError) return;
      throw err;
    }
    this.config = configFromSettings(this.resolved.values);
    this.emit('changed', this.config);
  }

  private resolve(): ResolvedSettings {
    return resolveSettings(this.env, this.store.all());
  }
}
