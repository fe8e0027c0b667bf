import { useEffect, useState, type FormEvent } from 'react';
import { isBasicGroup, settingGroupOf, settingGroups, type SettingEntry } from '../../../shared/contract';
import { useSettings } from '../stores/stores-context';
import { BackupsPanel } from './settings/BackupsPanel';
import { ModelsPanel } from './settings/ModelsPanel';
import { SettingField } from './settings/SettingField';

type Group = (typeof settingGroups)[number];

function GroupSection({ group, entries }: { group: Group; entries: SettingEntry[] }) {
  const inGroup = entries.filter((e) => settingGroupOf(e.key) === group.id);
  if (inGroup.length === 0) return null;
  return (
    <section
      id={`settings-${group.id}`}
      className="panel settings-group"
      aria-labelledby={`settings-${group.id}-heading`}
    >
      <h3 id={`settings-${group.id}-heading`} tabIndex={-1}>
        {group.title}
      </h3>
      {inGroup.map((e) => (
        <SettingField key={e.key} entry={e} />
      ))}
    </section>
  );
}

/**
 * The settings most people need first (engines, speech models, the watch folder, notifications), the
 * rest behind "Advanced settings"; each with its name in words, its doc, unit, default and source.
 * Save validates, stores and applies.
 */
export function SettingsView() {
  const entries = useSettings((s) => s.entries);
  const loaded = useSettings((s) => s.loaded);
  const loadError = useSettings((s) => s.loadError);
  const saving = useSettings((s) => s.saving);
  const notice = useSettings((s) => s.notice);
  const saveError = useSettings((s) => s.saveError);
  const changed = useSettings((s) => Object.keys(s.drafts).length);
  const invalid = useSettings((s) => Object.keys(s.errors).length);
  const firstInvalid = useSettings((s) => s.entries.find((e) => s.errors[e.key] !== undefined)?.key ?? null);
  const load = useSettings((s) => s.load);
  const save = useSettings((s) => s.save);
  const discard = useSettings((s) => s.discard);
  const [advanced, setAdvanced] = useState(false);
  // A field to fix, or a changed one, in the advanced part opens it: nothing needing the user stays hidden.
  const advancedNeeded = useSettings((s) =>
    s.entries.some(
      (e) => !isBasicGroup(settingGroupOf(e.key)) && (s.errors[e.key] !== undefined || s.drafts[e.key] !== undefined),
    ),
  );
  const advancedChanged = useSettings(
    (s) => s.entries.filter((e) => !isBasicGroup(settingGroupOf(e.key)) && e.source !== 'default').length,
  );
  const showAdvanced = advanced || advancedNeeded;
  const basic = settingGroups.filter((g) => isBasicGroup(g.id));
  const rest = settingGroups.filter((g) => !isBasicGroup(g.id));

  useEffect(() => void load(), [load]);

  // After a refused save, the first field to fix gets the focus (and comes out from under the save bar).
  useEffect(() => {
    if (!firstInvalid) return;
    const input = document.getElementById(`setting-${firstInvalid.replace(/\./g, '-')}`);
    input?.focus({ preventScroll: true });
    input?.closest('.setting')?.scrollIntoView({ block: 'center' });
  }, [firstInvalid, invalid]);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void save();
  };

  return (
    <section className="view view-settings" aria-labelledby="view-heading">
      <div className="view-header">
        <h2 id="view-heading" tabIndex={-1}>
          Settings
        </h2>
      </div>
      <p className="lede">
        How recordings are transcribed and turned into memories, where new recordings come from, and when you are told.
        A value set by an environment variable wins and is read-only here. Engine changes reach the next job; the watch
        folder switches at once.
      </p>
      {loadError && <p className="message message-error">Could not load the settings. {loadError}</p>}
      {!loaded && <p className="placeholder">Loading settings…</p>}
      {loaded && entries.length > 0 && (
        <form onSubmit={onSubmit} noValidate>
          {basic.slice(0, 1).map((g) => (
            <GroupSection key={g.id} group={g} entries={entries} />
          ))}
          <ModelsPanel />
          {basic.slice(1).map((g) => (
            <GroupSection key={g.id} group={g} entries={entries} />
          ))}
          <div className="settings-advanced-toggle">
            <button
              type="button"
              className="button-quiet"
              aria-expanded={showAdvanced}
              aria-controls="settings-advanced"
              onClick={() => setAdvanced(!showAdvanced)}
              disabled={advancedNeeded}
              title={advancedNeeded ? 'Stays open while a setting in it is changed or needs fixing' : undefined}
            >
              {showAdvanced ? 'Hide advanced settings' : 'Show advanced settings'}
            </button>
            <span className="setting-meta">
              Workers, timeouts, circuit breakers, health and retention
              {advancedChanged > 0
                ? ` · ${advancedChanged === 1 ? '1 differs' : `${advancedChanged} differ`} from the default`
                : ''}
            </span>
          </div>
          <div id="settings-advanced" hidden={!showAdvanced}>
            {rest.map((g) => (
              <GroupSection key={g.id} group={g} entries={entries} />
            ))}
          </div>
          <div className="settings-bar">
            <p className={`notice${saveError || invalid > 0 ? ' notice-failed' : ''}`} role="status">
              {saveError ??
                (invalid > 0
                  ? `Not saved: ${invalid === 1 ? 'one field needs' : `${invalid} fields need`} fixing; the stored values are kept.`
                  : (notice ??
                    (changed > 0 ? `${changed === 1 ? '1 change' : `${changed} changes`} not saved yet.` : '')))}
            </p>
            <button type="button" className="button-quiet" onClick={discard} disabled={changed === 0 || saving}>
              Discard changes
            </button>
            <button type="submit" disabled={saving}>
              {saving ? 'Saving…' : 'Save'}
            </button>
          </div>
        </form>
      )}
      <BackupsPanel />
    </section>
  );
}
