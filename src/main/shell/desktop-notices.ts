import type { HealthSnapshot } from '../../shared/contract';
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

/** After a dead-letter notice, the next one waits at least this long (a burst is one notice). */
export const deadLetterQuietMs = 60_000;
/** Red / "working again" notices: at most one in this window; a flap inside it is told as where it ended. */
export const healthQuietMs = 60_000;

export class DesktopNotices {
  /** Whether the last health notice (or the first snapshot, the baseline) said red. */
  private toldRed: boolean | null = null;
  private pendingHealth: HealthSnapshot | null = null;
  private lastHealthNoticeAt = -Infinity;
  /** The current new dead letters have been told: no more until the person has seen them. */
  private toldNew = false;
  private pendingNew = 0;
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

  /**
   * New dead letters (since the person last looked): one grouped notice, then nothing more until
   * they have been seen (opening Dead letters), however many follow. A notice comes at most once a
   * minute; call `flush(now)` on a timer to tell what waited for that.
   */
  attention(snapshot: Pick<HealthSnapshot, 'attention'>, now: number): DesktopNotice | null {
    const n = snapshot.attention.newDeadLetters;
    if (n === 0) {
      this.toldNew = false;
      this.pendingNew = 0;
      return null;
    }
    if (this.toldNew) return null;
    this.pendingNew = n;
    return this.flushDead(now);
  }

  /** Tells what waited for its quiet window (call it on a timer): a health change first, then dead letters. */
  flush(now: number): DesktopNotice | null {
    return this.flushHealth(now) ?? this.flushDead(now);
  }

  private flushHealth(now: number): DesktopNotice | null {
    const snapshot = this.pendingHealth;
    if (!snapshot || now - this.lastHealthNoticeAt < healthQuietMs) return null;
    this.pendingHealth = null;
    this.toldRed = snapshot.overall === 'red';
    if (!this.settings().serviceRed) return null;
    this.lastHealthNoticeAt = now;
    if (snapshot.overall === 'red') {
      return {
        title: 'Lifeline has stopped working',
        body: snapshot.reasons[0] ?? 'A required service is down.',
        route: '#/services',
      };
    }
    return {
      title: 'Lifeline is working again',
      body: snapshot.reasons[0] ?? 'Every required service is up.',
      route: '#/overview',
    };
  }

  private flushDead(now: number): DesktopNotice | null {
    if (this.toldNew || this.pendingNew === 0 || now - this.lastDeadNoticeAt < deadLetterQuietMs) return null;
    const n = this.pendingNew;
    this.toldNew = true;
    if (!this.settings().deadLetters) return null;
    this.lastDeadNoticeAt = now;
    return {
      title:
        n === 1
          ? 'A recording could not be processed'
          : `${n.toLocaleString('en-US')} recordings could not be processed`,
      body: 'Open Dead letters to see why and what to do; Lifeline shows amber until you have looked.',
      route: '#/dead-letters',
    };
  }
}
