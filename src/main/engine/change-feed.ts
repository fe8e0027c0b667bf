import type { ItemSummary } from '../../shared/contract';
import type { Store } from '../store/store';

/**
 * At most one push per this many ms while writes keep coming, ms. A busy engine commits thousands
 * of transitions a second; each push reads every changed item, so a burst becomes one push of each
 * item's latest state instead of one read and one message per transition. Well under what a person
 * sees as a delay.
 */
export const pushEveryMs = 50;

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
  private pushTimer: NodeJS.Timeout | undefined;
  /** When the last flush ran (monotonic ms). */
  private flushedAt = -Infinity;

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
    clearTimeout(this.pushTimer);
  }

  /**
   * Coalesces local writes into one push: the first after a quiet spell goes out at once (next turn
   * of the event loop), the ones that follow at most every {@link pushEveryMs}.
   */
  poke(): void {
    if (this.scheduled || this.stopped) return;
    this.scheduled = true;
    const run = () => {
      this.scheduled = false;
      this.flush();
    };
    const wait = this.flushedAt + pushEveryMs - performance.now();
    if (wait <= 0) setImmediate(run);
    else {
      this.pushTimer = setTimeout(run, wait);
      this.pushTimer.unref();
    }
  }

  flush(): void {
    if (this.stopped) return;
    this.flushedAt = performance.now();
    const upTo = this.store.reads.lastEventId();
    if (upTo <= this.lastEventId) return;
    const ids = this.store.reads.changedItems(this.lastEventId, upTo);
    this.lastEventId = upTo;
    const items = this.store.reads.summaries(ids);
    if (items.length > 0) this.onItems(items);
  }
}
