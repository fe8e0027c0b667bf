import { useEffect, type FormEvent } from 'react';
import { settingGroupOf, settingGroups } from '../../../shared/contract';
import { useSettings } from '../stores/stores-context';
import { BackupsPanel } from './settings/BackupsPanel';
import { SettingField } from './settings/SettingField';

/** Every setting, by section, with its doc, unit, default and source; Save validates, stores and applies. */
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
        Engines, the watch folder, and every interval, timeout and threshold. A value set by an environment variable wins and is read-only here. Engine
        changes reach the next job; the watch folder switches at once.
      </p>
      {loadError && <p className="message message-error">Could not load the settings. {loadError}</p>}
      {!loaded && <p className="placeholder">Loading settings…</p>}
      {loaded && entries.length > 0 && (
        <form onSubmit={onSubmit} noValidate>
          <nav aria-label="Settings sections" className="settings-toc">
            {settingGroups.map((g) => (
              <a key={g.id} href={`#/settings`} onClick={(e) => {
                e.preventDefault();
                document.getElementById(`settings-${g.id}`)?.scrollIntoView({ block: 'start' });
                document.getElementById(`settings-${g.id}-heading`)?.focus();
              }}>
                {g.title}
              </a>
            ))}
          </nav>
          {settingGroups.map((g) => {
            const inGroup = entries.filter((e) => settingGroupOf(e.key) === g.id);
            if (inGroup.length === 0) return null;
            return (
              <section key={g.id} id={`settings-${g.id}`} className="panel settings-group" aria-labelledby={`settings-${g.id}-heading`}>
                <h3 id={`settings-${g.id}-heading`} tabIndex={-1}>
                  {g.title}
                </h3>
                {inGroup.map((e) => (
                  <SettingField key={e.key} entry={e} />
                ))}
              </section>
            );
          })}
          <div className="settings-bar">
            <p className={`notice${saveError || invalid > 0 ? ' notice-failed' : ''}`} role="status">
              {saveError ??
                (invalid > 0
                  ? `Not saved: ${invalid === 1 ? 'one field needs' : `${invalid} fields need`} fixing; the stored values are kept.`
                  : (notice ?? (changed > 0 ? `${changed === 1 ? '1 change' : `${changed} changes`} not saved yet.` : '')))}
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
