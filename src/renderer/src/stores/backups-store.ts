import { createStore, type StoreApi } from 'zustand/vanilla';
import type { BackupsList, DoctorCheckInfo, LifelineApi } from '../../../shared/contract';
import { describeError } from '../format/describe-error';

export interface BackupsState {
  list: BackupsList | null;
  error: string | null;
  /** What is being done now, shown on its button. */
  busy: 'backup' | 'restore' | 'doctor' | null;
  /** What the last action did, for the status line. */
  notice: string | null;
  checks: DoctorCheckInfo[] | null;
  load(): Promise<void>;
  backUpNow(): Promise<void>;
  /** The engine has the store open: the backup replaces it at the next start. */
  restoreAtRestart(name: string): Promise<void>;
  check(): Promise<void>;
}

export type BackupsStore = StoreApi<BackupsState>;

/** Settings' Backups panel: the list, "Back up now", "Restore at next start", and the doctor's checks. */
export function createBackupsStore(api: LifelineApi): BackupsStore {
  return createStore<BackupsState>()((set, get) => ({
    list: null,
    error: null,
    busy: null,
    notice: null,
    checks: null,

    async load() {
      const r = await api.call('backups:list', {});
      if (r.ok) set({ list: r.value, error: null });
      else set({ error: describeError(r.error) });
    },

    async backUpNow() {
      set({ busy: 'backup', notice: null, error: null });
      const r = await api.call('backups:create', {});
      // The list is refreshed first, so its answer does not hide what this action did.
      await get().load();
      set({
        busy: null,
        ...(r.ok
          ? { notice: `Backed up to ${r.value.name}; its integrity check passed.` }
          : { error: describeError(r.error) }),
      });
    },

    async restoreAtRestart(name) {
      set({ busy: 'restore', notice: null, error: null });
      const r = await api.call('backups:restoreAtRestart', { name });
      await get().load();
      set({
        busy: null,
        ...(r.ok
          ? {
              notice: `${r.value.name} will replace the store at the next start. Restart Lifeline to finish the restore.`,
            }
          : { error: describeError(r.error) }),
      });
    },

    async check() {
      set({ busy: 'doctor', error: null });
      const r = await api.call('backups:doctor', {});
      set({ busy: null, ...(r.ok ? { checks: r.value.checks } : { error: describeError(r.error) }) });
    },
  }));
}
