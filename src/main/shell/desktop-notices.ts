import type { HealthSnapshot, ItemSummary, OverallStatus } from '../../shared/contract';
import type { NotifyConfig } from '../config/config';

/**
 * When the desktop app shows an OS notification. Pure (no Electron, clock passed in), so the rules are
 * unit-tested: a notice is for news a person must act on, never a stream. The shell turns a notice
 * into an Electron Notification whose click opens the window on `route`.
 */
export interface DesktopNotice {
  title: string;
  body: string;
  /** Hash route the window opens on when the notice is clicked. */
  route: string;
}

/** The user's `notify.*` settings. */
export type NoticeSettings = NotifyConfig;

/** Dead letters arriving within this window are told in one notice. */
export const deadLetterQuietMs = 60_000;
/** Items remembered as already told (a retried-then-dead-again item is news again after a retry). */
const rememberedDead = 10_000;

export class DesktopNotices {
  private lastOverall: OverallStatus | null = null;
  private readonly toldDead = new Set<number>();
  private pendingDead: ItemSummary[] = [];
  private lastDeadNoticeAt = -Infinity;

  constructor(private readonly settings: () => NoticeSettings) {}

  /** A new health snapshot: a notice when it turns red, and one when it is no longer red. */
  health(snapshot: HealthSnapshot): DesktopNotice | null {
    const before = this.lastOverall;
    this.lastOverall = snapshot.overall;
    if (!this.settings().serviceRed || before === null || before === snapshot.overall) return null;
    if (snapshot.overall === 'red') {
      return { title: 'Lifeline has stopped working', body: snapshot.reasons[0] ?? 'A required service is down.', route: '#/services' };
    }
    if (before === 'red') {
      return { title: 'Lifeline is working again', body: snapshot.reasons[0] ?? 'Every required service is up.', route: '#/overview' };
    }
    return null;
  }

  /**
   * Changed items: those that just became dead letters are collected, and told at most once a minute
   * (one notice for many). Call `flush(now)` on a timer to tell what waited for the quiet window.
   */
  items(changed: ItemSummary[], now: number): DesktopNotice | null {
    for (const item of changed) {
      if (item.state !== 'dead') {
        this.toldDead.delete(item.id);
        continue;
      }
      if (this.toldDead.has(item.id)) continue;
      this.toldDead.add(item.id);
      if (this.toldDead.size > rememberedDead) this.toldDead.delete(this.toldDead.values().next().value!);
      this.pendingDead.push(item);
    }
    return this.flush(now);
  }

  flush(now: number): DesktopNotice | null {
    if (this.pendingDead.length === 0 || now - this.lastDeadNoticeAt < deadLetterQuietMs) return null;
    const dead = this.pendingDead;
    this.pendingDead = [];
    if (!this.settings().deadLetters) return null;
    this.lastDeadNoticeAt = now;
    if (dead.length === 1) {
      const item = dead[0]!;
      return {
        title: `${item.fileName} could not be processed`,
        body: item.error ? `${item.error.code}: ${item.error.message}` : `It stopped at ${item.stage}.`,
        route: `#/items/${item.id}`,
      };
    }
    const codes = [...new Set(dead.map((d) => d.error?.code ?? 'unknown'))];
    return { title: `${dead.length} recordings could not be processed`, body: `Errors: ${codes.join(', ')}. Open Dead letters to retry them.`, route: '#/dead-letters' };
  }
}
