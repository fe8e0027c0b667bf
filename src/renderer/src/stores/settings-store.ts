import { createStore, type StoreApi } from 'zustand/vanilla';
import type { LifelineApi, SettingEntry } from '../../../shared/contract';
import { describeError } from '../format/describe-error';
import { collectChanges, errorKey, fieldMessage, type Draft } from './settings-form';

export interface SettingsState {
  entries: SettingEntry[];
  loaded: boolean;
  loadError: string | null;
  /** Fields the user changed and has not saved. */
  drafts: Record<string, Draft>;
  /** A problem per field, shown beside it; the stored value is kept. */
  errors: Record<string, string>;
  /** A problem not tied to one field. */
  saveError: string | null;
  saving: boolean;
  /** What the last save did, for the status line. */
  notice: string | null;
  load(): Promise<void>;
  edit(key: string, text: string): void;
  /** Marks a field to go back to its default at the next save. */
  reset(key: string): void;
  discard(): void;
  save(): Promise<void>;
}

export type SettingsStore = StoreApi<SettingsState>;

const without = <T>(record: Record<string, T>, key: string): Record<string, T> => {
  const { [key]: _dropped, ...rest } = record;
  return rest;
};

/** The Settings screen: every setting, edited as drafts, validated here and again in the main process. */
export function createSettingsStore(api: LifelineApi): SettingsStore {
  return createStore<SettingsState>()((set, get) => ({
    entries: [],
    loaded: false,
    loadError: null,
    drafts: {},
    errors: {},
    saveError: null,
    saving: false,
    notice: null,

    async load() {
      const r = await api.call('settings:get', {});
      if (r.ok) set({ entries: r.value, loaded: true, loadError: null });
      else set({ loaded: true, loadError: describeError(r.error) });
    },

    edit: (key, text) =>
      set((s) => ({
        drafts: { ...s.drafts, [key]: { kind: 'text', text } },
        errors: without(s.errors, key),
        notice: null,
      })),

    reset: (key) =>
      set((s) => ({ drafts: { ...s.drafts, [key]: { kind: 'reset' } }, errors: without(s.errors, key), notice: null })),

    discard: () => set({ drafts: {}, errors: {}, saveError: null, notice: null }),

    async save() {
      const { entries, drafts } = get();
      const collected = collectChanges(entries, drafts);
      if (!collected.ok) {
        set({ errors: collected.errors, saveError: null, notice: null });
        return;
      }
      const keys = Object.keys(collected.values);
      if (keys.length === 0) {
        set({ drafts: {}, errors: {}, saveError: null, notice: 'Nothing to save: no setting was changed.' });
        return;
      }
      set({ saving: true, saveError: null, notice: null });
      const r = await api.call('settings:set', { values: collected.values });
      if (r.ok) {
        const later = r.value.filter((e) => keys.includes(e.key) && e.atStart).length;
        const which =
          later === keys.length
            ? later === 1
              ? 'it applies'
              : 'they apply'
            : `${later} of them ${later === 1 ? 'applies' : 'apply'}`;
        set({
          entries: r.value,
          drafts: {},
          errors: {},
          saving: false,
          notice: `Saved ${keys.length === 1 ? '1 setting' : `${keys.length} settings`}${later > 0 ? `; ${which} at the next start` : ''}.`,
        });
        return;
      }
      const key = errorKey(r.error.message, keys);
      if (key) set({ saving: false, errors: { [key]: fieldMessage(r.error.message, key) } });
      else set({ saving: false, saveError: describeError(r.error) });
    },
  }));
}
