import type { UpcomingBucketName } from '../../shared/contract/upcoming-channels';

type UpcomingBucket = UpcomingBucketName;

/** What the bucket rules need to know about a to-do or an event. */
export interface Dated {
  kind: 'todo' | 'event';
  /** Its calendar day (YYYY-MM-DD, local), or null when no date was said. */
  day: string | null;
  done: boolean;
}

/** `day` plus `n` calendar days (YYYY-MM-DD). */
export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** "This week" ends this many days after today: the six days after it, so next Friday is there on a Monday and on a Saturday. */
export const weekDays = 7;

/**
 * Where a to-do or event goes in the Upcoming list, or null when it has no place there:
 * - overdue: dated before today and not done (a done one is behind you);
 * - today; week: the six days after today; later: after that;
 * - undated: to-dos with no date (an event without a date is not something coming up).
 * Done ones stay in today/week/later, ticked, so a tick can be undone where it was made.
 */
export function upcomingBucket(entry: Dated, today: string): UpcomingBucket | null {
  if (entry.day === null) return entry.kind === 'todo' ? 'undated' : null;
  if (entry.day < today) return entry.done ? null : 'overdue';
  if (entry.day === today) return 'today';
  if (entry.day < addDays(today, weekDays)) return 'week';
  return 'later';
}

/**
 * The calendar day of a due date, in the local time zone given as `offsetMinutes` east of UTC at
 * that moment (what `-new Date(at).getTimezoneOffset()` says). A date said without a time is
 * stored as that day (date only, or midnight UTC) and is that day everywhere.
 */
export function dueDay(at: string | null, allDay: boolean, offsetMinutes: (at: Date) => number): string | null {
  if (at === null) return null;
  if (/^\d{4}-\d{2}-\d{2}$/.test(at) || (allDay && /T00:00(:00(\.0+)?)?Z$/.test(at))) return at.slice(0, 10);
  const instant = new Date(at);
  if (Number.isNaN(instant.getTime())) return null;
  return new Date(instant.getTime() + offsetMinutes(instant) * 60_000).toISOString().slice(0, 10);
}
