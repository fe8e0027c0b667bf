import type { HealthSnapshot, ItemSummary } from '../../shared/contract';
import type { NotifyConfig } from '../config/config';
import { displayText } from '../../shared/display-text';

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

/** Red / "working again" notices: at most one in this window; a flap inside it is told as where it ended. */
export const healthQuietMs = 60_000;

export class DesktopNotices {
  /** Whether the last health notice (or the first snapshot, the baseline) said red. */
  private toldRed: boolean | null = null;
  private pendingHealth: HealthSnapshot | null = null;
  private lastHealthNoticeAt = -Infinity;
  private readonly toldDead = new Set<number>();
  private pendingDead: ItemSummary[] = [];
  private lastDeadNoticeAt = -Infinity;

  constructor(private readonly settings: () => NoticeSettings) {}

  /**
   * A new health snapshot: a notice when it turns red, and one when it is no longer red, at most one a
   * minute. A status that flaps within the minute is told once, as it stands when the minute is up
   * (`flush`), and not at all when it came back to what was last told.
   */
  health(snapshot: HealthSnapshot, now: number): DesktopNotice | null {
    const red = snapshot.overall === 'red';
    if (this.toldRed === null) {
      this.toldRed = red;
      return null;
    }
    this.pendingHealth = red === this.toldRed ? null : snapshot;
    return this.flushHealth(now);
  }

  private flushHealth(now: number): DesktopNotice | null {
    const snapshot = this.pendingHealth;
    if (!snapshot || now - this.lastHealthNoticeAt < healthQuietMs) return null;
    this.pendingHealth = null;
    this.toldRed = snapshot.overall === 'red';
    if (!this.settings().serviceRed) return null;
    this.lastHealthNoticeAt = now;
    if (snapshot.overall === 'red') {
      return { title: 'Lifeline has stopped working', body: snapshot.reasons[0] ?? 'A required service is down.', route: '#/services' };
    }
    return { title: 'Lifeline is working again', body: snapshot.reasons[0] ?? 'Every required service is up.', route: '#/overview' };
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
    return this.flushDead(now);
  }

  /** Tells what waited for its quiet window (call it on a timer): a health change first, then dead letters. */
  flush(now: number): DesktopNotice | null {
    return this.flushHealth(now) ?? this.flushDead(now);
  }

  private flushDead(now: number): DesktopNotice | null {
    if (this.pendingDead.length === 0 || now - this.lastDeadNoticeAt < deadLetterQuietMs) return null;
    const dead = this.pendingDead;
    this.pendingDead = [];
    if (!this.settings().deadLetters) return null;
    this.lastDeadNoticeAt = now;
    if (dead.length === 1) {
      const item = dead[0]!;
      return {
        title: `${displayText(item.fileName)} could not be processed`,
        body: item.error ? `${item.error.code}: ${displayText(item.error.message)}` : `It stopped at ${item.stage}.`,
        route: `#/items/${item.id}`,
      };
    }
    const codes = [...new Set(dead.map((d) => d.error?.code ?? 'unknown'))];
    return { title: `${dead.length} recordings could not be processed`, body: `Errors: ${codes.join(', ')}. Open Dead letters to retry them.`, route: '#/dead-letters' };
  }
}
