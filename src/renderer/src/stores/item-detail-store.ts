import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ItemDetail, ItemSummary, LifelineApi } from '../../../shared/contract';
import { describeError } from '../format/describe-error';
import { createRefreshThrottle } from './refresh-throttle';

export type ItemAction = 'retry' | 'cancel' | 'discard';

export interface ItemDetailState {
  id: number | null;
  item: ItemDetail | null;
  /** Where the player streams the item's stored copy from. */
  audioUrl: string | null;
  /** The desktop app can open the file manager at the item's file. */
  canShowFile: boolean;
  loading: boolean;
  /** Why the item could not be loaded (e.g. there is no such item). */
  error: string | null;
  pending: ItemAction | 'show' | null;
  notice: string | null;
  actionError: string | null;
  open(id: number): void;
  applyChanges(changes: readonly ItemSummary[]): void;
  reload(): Promise<void>;
  act(action: ItemAction): Promise<void>;
  showFile(): Promise<void>;
  dismissMessages(): void;
}

export type ItemDetailStore = StoreApi<ItemDetailState>;

const channels = { retry: 'items:retry', cancel: 'items:cancel', discard: 'items:discard' } as const;
const past = { retry: 'is back in the queue', cancel: 'was cancelled', discard: 'was discarded; its history is kept' } as const;

/** One item with its timeline, reloaded when a pushed change names it. */
export function createItemDetailStore(api: LifelineApi): ItemDetailStore {
  let latest = 0;
  // After a Retry: when the item then stops again, the status line says so instead of "back in the queue".
  let retriedAt: string | null = null;
  return createStore<ItemDetailState>()((set, get) => {
    const reload = async () => {
      const id = get().id;
      if (id === null) return;
      const mine = ++latest;
      const r = await api.call('items:get', { id });
      if (mine !== latest || get().id !== id) return;
      if (!r.ok) {
        set({ item: null, loading: false, error: describeError(r.error) });
        return;
      }
      const item = r.value;
      const failedAgain = retriedAt !== null && item.state === 'dead' && item.updatedAt > retriedAt;
      if (failedAgain) retriedAt = null;
      set({
        item,
        loading: false,
        error: null,
        ...(failedAgain ? { notice: `${item.fileName} failed again after the retry: ${item.error?.code ?? 'no error recorded'}.` } : {}),
      });
    };
    const throttle = createRefreshThrottle(reload, 250);
    return {
      id: null,
      item: null,
      audioUrl: null,
      canShowFile: typeof api.showItemFile === 'function',
      loading: false,
      error: null,
      pending: null,
      notice: null,
      actionError: null,
      open(id) {
        if (get().id === id) return;
        retriedAt = null;
        set({ id, item: null, audioUrl: api.audioUrl(id), loading: true, error: null, pending: null, notice: null, actionError: null });
        void reload();
      },
      applyChanges(changes) {
        const id = get().id;
        if (id !== null && changes.some((c) => c.id === id)) throttle.request();
      },
      reload,
      async act(action) {
        const { id, item } = get();
        if (id === null || get().pending) return;
        set({ pending: action, notice: null, actionError: null });
        const r = await api.call(channels[action], { id });
        set({ pending: null });
        const name = item?.fileName ?? `Item ${id}`;
        if (!r.ok) {
          set({ actionError: `Could not ${action} ${name}. ${describeError(r.error)}` });
          return;
        }
        retriedAt = action === 'retry' ? r.value.updatedAt : null;
        set({ notice: `${name} ${past[action]}.` });
        await reload();
      },
      async showFile() {
        const id = get().id;
        if (id === null || !api.showItemFile) return;
        set({ pending: 'show', actionError: null });
        const r = await api.showItemFile(id);
        set({ pending: null, ...(r.ok ? {} : { actionError: `Could not show the file. ${describeError(r.error)}` }) });
      },
      dismissMessages: () => set({ notice: null, actionError: null }),
    };
  });
}
