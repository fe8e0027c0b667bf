import { z } from 'zod';
import { settingExpectation, settingValueValid, type SettingSpec, type SettingValue } from './settings';

/** What a valid value of the setting is, as a schema (the rules: settingValueValid). */
export function settingValueSchema(spec: SettingSpec): z.ZodType<SettingValue> {
  return z.custom<SettingValue>((value) => settingValueValid(spec, value));
}

/** Null when the value is valid for the setting, else a sentence for the person who typed it. */
export function settingProblem(spec: SettingSpec, value: unknown): string | null {
  if (settingValueValid(spec, value)) return null;
  return `${spec.key} must be ${settingExpectation(spec)}, got ${JSON.stringify(value)}`;
}

export const SettingSource = z.enum(['default', 'stored', 'env']);
export type SettingSource = z.infer<typeof SettingSource>;

const SettingValueSchema = z.union([z.number(), z.boolean(), z.string()]);

export const SettingEntry = z.object({
  key: z.string(),
  value: SettingValueSchema,
  default: SettingValueSchema,
  /** Where the value comes from; an `env` value cannot be changed from the UI. */
  source: SettingSource,
  env: z.string(),
  kind: z.enum(['int', 'number', 'boolean', 'choice', 'text']),
  unit: z.string(),
  min: z.number().nullable(),
  max: z.number().nullable(),
  /** The names a `choice` accepts (empty for other kinds). */
  choices: z.array(z.string()),
  /** How a `text` value is checked: url, directory, file or plain (null for other kinds). */
  format: z.enum(['url', 'directory', 'file', 'plain']).nullable(),
  /** Read only at start: a change applies at the next start. */
  atStart: z.boolean(),
  doc: z.string(),
});
export type SettingEntry = z.infer<typeof SettingEntry>;
