import type { ItemSummary } from '../../shared/contract';
import type { Store } from '../store/store';

/**
 * Turns committed events into pushed item changes, whichever process wrote them: local writes poke
 * the feed; writes by other processes (the CLI, a second app) are noticed through SQLite's
 * `data_version`, which changes only when another connection commits. One cheap pragma per poll.
 */
export class ChangeFeed {
  private lastEventId: number;
  private dataVersion: number;
  private scheduled = false;
  private stopped = false;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly store: Store,
    private readonly onItems: (items: ItemSummary[]) => void,
    private readonly onForeignWrite: () => void,
  ) {
    this.lastEventId = store.reads.lastEventId();
    this.dataVersion = this.readDataVersion();
  }

  private readDataVersion(): number {
    return this.store.db.pragma('data_version', { simple: true }) as number;
  }

  start(pollMs: number): void {
    this.timer = setInterval(() => {
      const v = this.readDataVersion();
      if (v === this.dataVersion) return;
      this.dataVersion = v;
      this.flush();
      this.onForeignWrite();
    }, pollMs);
    this.timer.unref();
  }

  /** Final: after this the feed reads nothing, so the store may be closed. */
  stop(): void {
    this.stopped = true;
    clearInterval(this.timer);
  }

  /** Coalesces a burst of local writes into one push. */
  poke(): void {
    if (this.scheduled || this.stopped) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.flush();
    });
  }

  flush(): void {
    if (this.stopped) return;
    const upTo = this.store.reads.lastEventId();
    if (upTo <= this.lastEventId) return;
    const ids = this.store.reads.changedItems(this.lastEventId, upTo);
    this.lastEventId = upTo;
    const items = ids.flatMap((id) => this.store.reads.summary(id) ?? []);
    if (items.length > 0) this.onItems(items);
  }
}
