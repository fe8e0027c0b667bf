import { createStore, type StoreApi } from 'zustand/vanilla';
import type { LifelineApi, ModelEntry } from '../../../shared/contract';
import { describeError } from '../format/describe-error';

export interface ModelsState {
  models: ModelEntry[];
  dir: string | null;
  loaded: boolean;
  /** The last action's problem (a refused call); a failed download says its own error on its row. */
  error: string | null;
  /** Model names with a call on the wire, so their buttons wait. */
  busy: Record<string, boolean>;
  load(): Promise<void>;
  /** A pushed models.changed: progress, a finished or failed download, a choice made elsewhere. */
  apply(models: ModelEntry[]): void;
  download(name: string): Promise<void>;
  cancel(name: string): Promise<void>;
  use(name: string): Promise<void>;
  remove(name: string): Promise<void>;
}

export type ModelsStore = StoreApi<ModelsState>;

type ModelAction = 'models:download' | 'models:cancel' | 'models:use' | 'models:remove';

/** The whisper models in Settings: the list, and downloads whose progress is pushed. */
export function createModelsStore(api: LifelineApi, hooks: { settingsChanged(): void }): ModelsStore {
  const merge = (models: ModelEntry[], one: ModelEntry) => models.map((m) => (m.name === one.name ? one : m));
  return createStore<ModelsState>()((set, get) => {
    const act = async (channel: ModelAction, name: string) => {
      set((s) => ({ busy: { ...s.busy, [name]: true }, error: null }));
      const r = await api.call(channel, { name });
      set((s) => ({ busy: { ...s.busy, [name]: false } }));
      if (r.ok) set((s) => ({ models: merge(s.models, r.value) }));
      else set({ error: describeError(r.error) });
      // Choosing or removing one changes the whisper.model setting and which other one is in use.
      if (channel === 'models:use' || channel === 'models:remove') {
        hooks.settingsChanged();
        await get().load();
      }
    };
    return {
      models: [],
      dir: null,
      loaded: false,
      error: null,
      busy: {},
      async load() {
        const r = await api.call('models:list', {});
        if (r.ok) set({ models: r.value.models, dir: r.value.dir, loaded: true });
        else set({ loaded: true, error: describeError(r.error) });
      },
      apply: (models) => set({ models }),
      download: (name) => act('models:download', name),
      cancel: (name) => act('models:cancel', name),
      use: (name) => act('models:use', name),
      remove: (name) => act('models:remove', name),
    };
  });
}
