import { createStore, type StoreApi } from 'zustand/vanilla';
import type { AddFilesResult, LifelineApi, UploadableFile, WatchFolderStatus } from '../../../shared/contract';
import { describeError } from '../format/describe-error';
import { createRefreshThrottle } from './refresh-throttle';

export type IntakeStatus = 'waiting' | 'sending' | 'added' | 'duplicate' | 'failed';

/** One file the user added from this window, and what became of it. */
export interface IntakeEntry {
  key: number;
  name: string;
  size: number | null;
  sent: number;
  status: IntakeStatus;
  itemId: number | null;
  message: string | null;
}

export interface IntakeState {
  entries: IntakeEntry[];
  busy: boolean;
  /** "Add files…" opens the desktop's own dialog (else the page's file picker). */
  nativeDialog: boolean;
  /** The watch folder: undefined until asked, null when none is set. */
  watchFolder: WatchFolderStatus | null | undefined;
  watchError: string | null;
  /** Reloads the watch folder's status soon (at most four times a second). */
  requestStatus(): void;
  /** Opens the native dialog and adds what was chosen (desktop). */
  chooseFiles(): Promise<void>;
  /** Adds files picked in the page or dropped on the window. */
  addFiles(files: readonly UploadableFile[]): Promise<void>;
  dismiss(): void;
}

export type IntakeStore = StoreApi<IntakeState>;

/**
 * Adding audio from the window: the desktop app adds files by path (native dialog, or the path of a
 * dropped file); the headless page uploads their bytes. Either way the same audio twice is reported
 * as a duplicate, with the item it already is.
 */
export function createIntakeStore(api: LifelineApi): IntakeStore {
  let nextKey = 1;
  return createStore<IntakeState>()((set, get) => {
    const loadStatus = async () => {
      const r = await api.call('intake:status', {});
      if (r.ok) set({ watchFolder: r.value.watchFolder, watchError: null });
      else set({ watchError: describeError(r.error) });
    };
    const statusThrottle = createRefreshThrottle(loadStatus, 250);

    const update = (key: number, patch: Partial<IntakeEntry>) =>
      set((s) => ({ entries: s.entries.map((e) => (e.key === key ? { ...e, ...patch } : e)) }));

    const recordResult = (keys: Map<string, number>, r: AddFilesResult) => {
      for (const a of r.added) update(keys.get(a.file) ?? -1, { status: 'added', itemId: a.id, message: null });
      for (const d of r.duplicates)
        update(keys.get(d.file) ?? -1, {
          status: 'duplicate',
          itemId: d.id,
          message: `already in Lifeline as item ${d.id}; not added again`,
        });
      for (const x of r.rejected) update(keys.get(x.file) ?? -1, { status: 'failed', message: x.message });
    };

    const begin = (files: { name: string; size: number | null }[]) => {
      const entries = files.map((f) => ({
        key: nextKey++,
        name: f.name,
        size: f.size,
        sent: 0,
        status: 'waiting' as const,
        itemId: null,
        message: null,
      }));
      // Earlier results stay until dismissed (the most recent 50), so a duplicate can be compared with what it duplicates.
      set((s) => ({ busy: true, entries: [...s.entries, ...entries].slice(-50) }));
      return entries;
    };

    const addByPath = async (paths: string[]) => {
      const entries = begin(paths.map((p) => ({ name: p.split(/[/\\]/).pop() ?? p, size: null })));
      const keys = new Map(paths.map((p, i) => [p, entries[i]!.key]));
      for (const e of entries) update(e.key, { status: 'sending' });
      const r = await api.call('items:add', { paths });
      // Dialog and drop paths are absolute, which the engine answers with unchanged.
      if (r.ok) {
        recordResult(keys, r.value);
      } else {
        for (const e of entries) update(e.key, { status: 'failed', message: describeError(r.error) });
      }
      set({ busy: false });
    };

    return {
      entries: [],
      busy: false,
      nativeDialog: typeof api.chooseFiles === 'function',
      watchFolder: undefined,
      watchError: null,
      requestStatus: () => statusThrottle.request(),

      async chooseFiles() {
        if (!api.chooseFiles) return;
        const paths = await api.chooseFiles();
        if (paths.length > 0) await addByPath(paths);
      },

      async addFiles(files) {
        if (files.length === 0) return;
        if (api.pathForFile) {
          const paths = files.map((f) => api.pathForFile!(f)).filter((p) => p !== '');
          if (paths.length > 0) await addByPath(paths);
          return;
        }
        if (!api.uploadFile) return;
        const entries = begin(files.map((f) => ({ name: f.name, size: f.size })));
        // One at a time: the disk, not the number of connections, limits how fast files arrive.
        for (const [i, file] of files.entries()) {
          const key = entries[i]!.key;
          update(key, { status: 'sending' });
          const r = await api.uploadFile(file, (sent) => update(key, { sent }));
          if (r.ok) recordResult(new Map([[file.name, key]]), r.value);
          else update(key, { status: 'failed', message: describeError(r.error) });
        }
        set({ busy: get().entries.some((e) => e.status === 'sending' || e.status === 'waiting') });
      },

      dismiss: () =>
        set((s) => ({ entries: s.entries.filter((e) => e.status === 'sending' || e.status === 'waiting') })),
    };
  });
}
