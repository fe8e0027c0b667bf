import { formatSettingValue, settingLabel, settingSpec, type SettingEntry } from '../../../../shared/contract';
import type { Draft } from '../../stores/settings-form';
import { fieldText } from '../../stores/settings-form';
import { useSettings } from '../../stores/stores-context';

// Durations and sizes carry their unit in the text itself ("30 s", "200 MiB"); the others get it beside the field.
const unitLabel: Partial<Record<string, string>> = {
  MiB: 'MiB',
  percent: '%',
  days: 'days',
  ratio: '0–1',
  factor: '×',
};

function placeholderOf(entry: SettingEntry): string | undefined {
  // Each server's usual local address: Ollama listens on 11434, whisper.cpp's server on 8080.
  if (entry.format === 'url') return entry.key === 'llm.url' ? 'http://127.0.0.1:11434' : 'http://127.0.0.1:8080';
  if (entry.format === 'directory') return '/path/to/folder';
  if (entry.format === 'file') return '/path/to/model.bin';
  return undefined;
}

/** One setting: its control, what it does, its unit, default and source, and its problem when there is one. */
export function SettingField({ entry }: { entry: SettingEntry }) {
  const draft: Draft | undefined = useSettings((s) => s.drafts[entry.key]);
  const error = useSettings((s) => s.errors[entry.key]);
  const edit = useSettings((s) => s.edit);
  const reset = useSettings((s) => s.reset);
  const spec = settingSpec(entry.key);
  const id = `setting-${entry.key.replace(/\./g, '-')}`;
  const locked = entry.source === 'env';
  const text = fieldText(entry, draft);
  const describedBy = [`${id}-doc`, error ? `${id}-error` : null].filter(Boolean).join(' ');
  const isDefault = draft?.kind === 'reset' || (draft === undefined && entry.source !== 'stored');

  let control;
  if (entry.kind === 'boolean') {
    control = (
      <input
        id={id}
        type="checkbox"
        checked={text === 'true'}
        disabled={locked}
        aria-describedby={describedBy}
        onChange={(e) => edit(entry.key, String(e.currentTarget.checked))}
      />
    );
  } else if (entry.kind === 'choice') {
    control = (
      <select
        id={id}
        value={text}
        disabled={locked}
        aria-describedby={describedBy}
        onChange={(e) => edit(entry.key, e.currentTarget.value)}
      >
        {entry.choices.map((c) => (
          <option key={c} value={c}>
            {c}
          </option>
        ))}
      </select>
    );
  } else {
    const numeric = entry.kind === 'int' || entry.kind === 'number';
    control = (
      <input
        id={id}
        type="text"
        inputMode={numeric ? 'decimal' : entry.format === 'url' ? 'url' : undefined}
        spellCheck={false}
        autoComplete="off"
        className={numeric ? 'setting-number' : 'setting-text'}
        value={text}
        readOnly={locked}
        placeholder={placeholderOf(entry)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        onChange={(e) => edit(entry.key, e.currentTarget.value)}
      />
    );
  }

  return (
    <div className={`setting${error ? ' setting-invalid' : ''}${draft ? ' setting-changed' : ''}`}>
      <div className="setting-control">
        <label htmlFor={id} className="setting-label" id={`${id}-label-text`}>
          {settingLabel(entry.key)}
        </label>
        <code className="setting-key" title="The name in `lifeline settings` and its environment variable">
          {entry.key}
        </code>
        <div className="setting-input">
          {control}
          {unitLabel[entry.unit] && <span className="setting-unit">{unitLabel[entry.unit]}</span>}
        </div>
      </div>
      <div className="setting-about">
        <p id={`${id}-doc`} className="setting-doc">
          {entry.atStart ? entry.doc.replace(/ Read at start\.$/, '') : entry.doc}
          {entry.atStart && <span className="setting-tag">applies at next start</span>}
        </p>
        <p className="setting-meta">
          Default: {spec ? formatSettingValue(spec, entry.default) : String(entry.default)}
          {locked ? (
            <span className="setting-env">
              {' '}
              · set by <code>{entry.env}</code> (read-only here; change it in the environment)
            </span>
          ) : (
            <>
              {' '}
              ·{' '}
              <button
                type="button"
                className="button-link"
                disabled={isDefault}
                onClick={() => reset(entry.key)}
                aria-label={`Reset to default: ${settingLabel(entry.key)}`}
                title={isDefault ? 'Already the default' : undefined}
              >
                Reset to default
              </button>
              {draft?.kind === 'reset' && <span> (on save)</span>}
            </>
          )}
        </p>
        {error && (
          <p id={`${id}-error`} className="setting-error" role="alert">
            {error}
          </p>
        )}
      </div>
    </div>
  );
}
