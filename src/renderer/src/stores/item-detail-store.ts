import { createStore, type StoreApi } from 'zustand/vanilla';
import type {
  ItemDetail,
  ItemState,
  ItemSummary,
  LifelineApi,
  RecoveryLogEntryInfo,
  RerunStage,
} from '../../../shared/contract';
import { describeError } from '../format/describe-error';
import { fileKindOf, type FileKind } from '../format/file-kind';
import { stateLabels } from '../format/labels';
import { runningAgainSinceRecovery } from '../format/running-again';
import { createRefreshThrottle } from './refresh-throttle';

export type ItemAction = 'retry' | 'cancel' | 'discard';

/** While a stage runs, a reload for its live output (transcript chunks) at most this often, ms. */
const progressReloadMs = 1_000;

export interface ItemDetailState {
  id: number | null;
  item: ItemDetail | null;
  /** The item's recoveries (from `items:pipeline`), oldest first; empty when none or not loaded. */
  recoveries: RecoveryLogEntryInfo[];
  /** Where the player streams the item's stored copy from. */
  audioUrl: string | null;
  /** The desktop app can open the file manager at the item's file. */
  canShowFile: boolean;
  /** Undefined while the stored copy plays; once the player failed, what the copy is (null: not known). */
  unplayable: FileKind | null | undefined;
  loading: boolean;
  /** Why the item could not be loaded (e.g. there is no such item). */
  error: string | null;
  pending: ItemAction | RerunStage | 'recover' | 'show' | null;
  notice: string | null;
  actionError: string | null;
  open(id: number): void;
  applyChanges(changes: readonly ItemSummary[]): void;
  /** A progress heartbeat: the shown item's stage output may have grown (a transcript chunk finished). */
  noticeProgress(id: number): void;
  reload(): Promise<void>;
  act(action: ItemAction): Promise<void>;
  /** "Transcribe again" / "Extract again": a done item runs again from that stage, its results kept until the new ones are ready. */
  rerun(from: RerunStage): Promise<void>;
  /** Recover now: stops the running stage's worker and puts the job back by the recovery rules. */
  recover(): Promise<void>;
  showFile(): Promise<void>;
  /** The player could not play the stored copy: its first bytes say what it is, for the words shown instead. */
  playerFailed(): Promise<void>;
  dismissMessages(): void;
}

export type ItemDetailStore = StoreApi<ItemDetailState>;

const past = {
  retry: 'is back in the queue',
  cancel: 'was cancelled',
  discard: 'was discarded; its history is kept',
} as const;

/** What a manual recovery did, in words. */
export function recoveryOutcome(strategy: string, result: string): string {
  const how: Record<string, string> = {
    requeue: 'its work had not begun (its worker was starting), so nothing was counted',
    resume: 'it resumes from its last checkpoint',
    restart: 'its stage starts over',
    validate: 'its finished output is checked instead of redone',
    escalate: 'it stopped too often and became a dead letter',
  };
  const outcome: Record<string, string> = {
    requeued: 'back in the queue',
    succeeded: 'its stage counted as finished',
    dead: 'now a dead letter',
    lost_race: 'it had already moved on by itself',
    failed: 'the recovery could not be written; it is tried again shortly',
  };
  return `${how[strategy] ?? strategy}; ${outcome[result] ?? result}.`;
}

/** One item with its timeline, reloaded when a pushed change names it. */
export function createItemDetailStore(api: LifelineApi): ItemDetailStore {
  let latest = 0;
  // After a Retry: when the item then stops again, the status line says so instead of "back in the queue".
  let retriedAt: string | null = null;
  // The status line says "was recovered" until the item runs again; then it would be stale.
  let recoveryNotice = false;
  return createStore<ItemDetailState>()((set, get) => {
    const reload = async () => {
      const id = get().id;
      if (id === null) return;
      const mine = ++latest;
      const [r, pipeline] = await Promise.all([api.call('items:get', { id }), api.call('items:pipeline', { id })]);
      if (mine !== latest || get().id !== id) return;
      if (!r.ok) {
        set({ item: null, loading: false, error: describeError(r.error) });
        return;
      }
      const item = r.value;
      const failedAgain = retriedAt !== null && item.state === 'dead' && item.updatedAt > retriedAt;
      if (failedAgain) retriedAt = null;
      const staleRecovery = recoveryNotice && runningAgainSinceRecovery(item);
      if (staleRecovery) recoveryNotice = false;
      set({
        item,
        // The timeline still shows the item's events without them.
        recoveries: pipeline.ok ? pipeline.value.recoveries : get().recoveries,
        loading: false,
        error: null,
        ...(staleRecovery ? { notice: null } : {}),
        ...(failedAgain
          ? { notice: `${item.fileName} failed again after the retry: ${item.error?.code ?? 'no error recorded'}.` }
          : {}),
      });
    };
    const throttle = createRefreshThrottle(reload, 250);
    const progressThrottle = createRefreshThrottle(reload, progressReloadMs);
    return {
      id: null,
      item: null,
      recoveries: [],
      audioUrl: null,
      canShowFile: typeof api.showItemFile === 'function',
      unplayable: undefined,
      loading: false,
      error: null,
      pending: null,
      notice: null,
      actionError: null,
      async playerFailed() {
        const { id, audioUrl } = get();
        if (!audioUrl) return;
        const head = await firstBytes(audioUrl);
        // Another item may have been opened meanwhile.
        if (get().id === id) set({ unplayable: head && fileKindOf(head) });
      },
      open(id) {
        if (get().id === id) return;
        retriedAt = null;
        recoveryNotice = false;
        set({
          id,
          item: null,
          recoveries: [],
          audioUrl: api.audioUrl(id),
          unplayable: undefined,
          loading: true,
          error: null,
          pending: null,
          notice: null,
          actionError: null,
        });
        void reload();
      },
      applyChanges(changes) {
        const id = get().id;
        if (id !== null && changes.some((c) => c.id === id)) throttle.request();
      },
      noticeProgress(id) {
        if (get().id === id && get().item?.state === 'running') progressThrottle.request();
      },
      reload,
      async act(action) {
        const { id, item } = get();
        if (id === null || get().pending) return;
        set({ pending: action, notice: null, actionError: null });
        // By id through items:bulk: an item that moved on since it was shown (it finished before Cancel
        // arrived, another tab retried it) is an answer ("left as it was"), not a 409.
        const r = await api.call('items:bulk', { action, target: { kind: 'ids', ids: [id] } });
        set({ pending: null });
        const name = item?.fileName ?? `Item ${id}`;
        if (!r.ok) {
          set({ actionError: `Could not ${action} ${name}. ${describeError(r.error)}` });
          return;
        }
        recoveryNotice = false;
        if (r.value.changed === 0) {
          retriedAt = null;
          const now = (Object.keys(r.value.skippedByState) as ItemState[])[0];
          set({
            notice: now
              ? `${name} was left as it was: it is ${stateLabels[now].toLowerCase()} now.`
              : `${name} no longer exists.`,
          });
          await reload();
          return;
        }
        // It was dead or cancelled at `updatedAt`; dying again after the retry is later than that.
        retriedAt = action === 'retry' ? (item?.updatedAt ?? '') : null;
        set({ notice: `${name} ${past[action]}.` });
        await reload();
      },
      async rerun(from) {
        const { id, item } = get();
        if (id === null || get().pending) return;
        set({ pending: from, notice: null, actionError: null });
        const r = await api.call('items:rerun', { target: { kind: 'ids', ids: [id] }, from });
        set({ pending: null });
        const name = item?.fileName ?? `Item ${id}`;
        if (!r.ok || r.value.changed === 0) {
          const why = r.ok ? 'Only a done item can be run again.' : describeError(r.error);
          set({ actionError: `Could not ${from === 'transcribe' ? 'transcribe' : 'extract'} ${name} again. ${why}` });
          return;
        }
        retriedAt = null;
        const what = from === 'transcribe' ? 'transcribed' : 'extracted';
        set({
          notice: `${name} will be ${what} again. Its transcript and memories stay as they are until the new ones are ready.`,
        });
        await reload();
      },
      async recover() {
        const { id, item } = get();
        if (id === null || get().pending) return;
        set({ pending: 'recover', notice: null, actionError: null });
        // The button shows for a running item; one that stops as you click is an answer, not a 409.
        const r = await api.call('recovery:recoverItem', { id, ifStillRunning: true });
        set({ pending: null });
        const name = item?.fileName ?? `Item ${id}`;
        if (!r.ok) {
          set({ actionError: `Could not recover ${name}. ${describeError(r.error)}` });
          return;
        }
        if (r.value.strategy === 'none') {
          set({ notice: `${name} was left as it was: it had already moved on by itself (${r.value.why}).` });
          await reload();
          return;
        }
        retriedAt = null;
        recoveryNotice = true;
        set({ notice: `${name} was recovered: ${recoveryOutcome(r.value.strategy, r.value.result)}` });
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

/** The first bytes of the stored copy (to say what it is), or null when they cannot be read. */
async function firstBytes(url: string): Promise<Uint8Array | null> {
  try {
    const response = await fetch(url, { headers: { Range: 'bytes=0-63' } });
    if (!response.ok || !response.body) return null;
    const reader = response.body.getReader();
    const { value } = await reader.read();
    // A server that ignores the range would send the whole file: the first chunk is enough.
    void reader.cancel();
    return value ? value.slice(0, 64) : new Uint8Array();
  } catch {
    return null;
  }
}
