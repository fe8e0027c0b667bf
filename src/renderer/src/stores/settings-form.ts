import {
  parseSettingInput,
  settingFieldText,
  settingInputText,
  settingSpec,
  type SettingEntry,
  type SettingValue,
} from '../../../shared/contract';

/** What the user typed into a field, or `reset`: back to the default when saved. */
export type Draft = { kind: 'text'; text: string } | { kind: 'reset' };

export type CollectedChanges =
  { ok: true; values: Record<string, SettingValue | null> } | { ok: false; errors: Record<string, string> };

/**
 * The drafts that differ from what is stored, validated with the contract's rules: every field's
 * problem at once, so the user sees them all; the main process checks again (and checks paths exist).
 */
export function collectChanges(
  entries: readonly SettingEntry[],
  drafts: Readonly<Record<string, Draft>>,
): CollectedChanges {
  const values: Record<string, SettingValue | null> = {};
  const errors: Record<string, string> = {};
  for (const entry of entries) {
    const draft = drafts[entry.key];
    if (!draft || entry.source === 'env') continue;
    if (draft.kind === 'reset') {
      if (entry.source === 'stored') values[entry.key] = null;
      continue;
    }
    const spec = settingSpec(entry.key);
    if (!spec) continue;
    const parsed = parseSettingInput(spec, draft.text);
    if (!parsed.ok) errors[entry.key] = `Must be ${parsed.message.replace(/^must be /, '')}.`;
    else if (parsed.value !== entry.value) values[entry.key] = parsed.value;
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, values };
}

/** The text a field shows: the draft when there is one, else the value (durations and sizes with their unit). */
export function fieldText(entry: SettingEntry, draft: Draft | undefined): string {
  const spec = settingSpec(entry.key);
  const text = (v: SettingValue) => (spec ? settingFieldText(spec, v) : settingInputText(v));
  if (!draft) return text(entry.value);
  return draft.kind === 'reset' ? text(entry.default) : draft.text;
}

/** Which changed setting a refusal from the main process is about: its message starts with the key. */
export function errorKey(message: string, changed: readonly string[]): string | null {
  const keys = [...changed].sort((a, b) => b.length - a.length);
  return keys.find((k) => message.startsWith(k)) ?? null;
}

/** A refusal about one field, as it reads beside that field: without the key it starts with. */
export function fieldMessage(message: string, key: string): string {
  const rest = message.startsWith(key) ? message.slice(key.length).replace(/^[:\s]+/, '') : message;
  const text = rest.charAt(0).toUpperCase() + rest.slice(1);
  return /[.!?]$/.test(text) ? text : `${text}.`;
}
