import { plural } from '../../shared/text/plural';
/**
 * Dead letters are things to look at, not a failing service. New ones since the person last looked
 * make the app amber (with one sentence saying so); once seen they are only a count, and the
 * colour is the services' and the engine's again. Pure: the clock is passed in.
 */
export interface DeadLetterCounts {
  total: number;
  /** Dead letters that arrived after the person last looked. */
  unseen: number;
  /** When they last looked (ms epoch), or null if never. */
  seenAt: number | null;
}

export interface AttentionSentences {
  /** Why the app is amber, or null when nothing new needs a look. */
  reason: string | null;
  /** A benign note (dead letters already seen), or null. */
  note: string | null;
}

const grouped = (n: number) => n.toLocaleString('en-US');

/** "5 min ago", "3 h ago", "2 days ago": how long since the person looked. */
export function agoText(ms: number): string {
  const min = Math.floor(Math.max(0, ms) / 60_000);
  if (min < 1) return 'just now';
  if (min < 60) return `${min} min ago`;
  const h = Math.floor(min / 60);
  if (h < 48) return `${h} h ago`;
  return `${Math.floor(h / 24)} days ago`;
}

export function deadLetterAttention(d: DeadLetterCounts, now: number): AttentionSentences {
  if (d.total === 0) return { reason: null, note: null };
  const seenCount = d.total - d.unseen;
  const seenNote = seenCount > 0 ? `${plural(seenCount, 'dead letter', 'dead letters', grouped)} already seen` : null;
  if (d.unseen === 0) return { reason: null, note: seenNote };
  const since = d.seenAt === null ? '' : ` since you last looked ${agoText(now - d.seenAt)}`;
  return {
    reason: `${plural(d.unseen, 'new dead letter', 'new dead letters', grouped)}${since}: open Dead letters to see why`,
    note: seenNote,
  };
}
