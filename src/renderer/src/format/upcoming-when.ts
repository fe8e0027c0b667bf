import type { UpcomingBucketName, UpcomingEntry } from '../../../shared/contract';

export const upcomingHeadings: Record<UpcomingBucketName, string> = {
  overdue: 'Overdue',
  today: 'Today',
  week: 'This week',
  later: 'Later',
  undated: 'To-dos without a date',
};

const dayOptions: Intl.DateTimeFormatOptions = { weekday: 'short', month: 'short', day: 'numeric', timeZone: 'UTC' };
const dayFormat = new Intl.DateTimeFormat(undefined, dayOptions);
const dayInYearFormat = new Intl.DateTimeFormat(undefined, { ...dayOptions, year: 'numeric' });
const timeFormat = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' });

/**
 * When a to-do or event is due, no more precisely than it was said: "Fri, Dec 11" for a date said
 * without a time, "Fri, Dec 11, 4:00 PM" with one (in the reader's time zone); the year only when it
 * is not this year ("Fri, Mar 12, 2027"), as on the Memories screen.
 */
export function formatWhen(e: Pick<UpcomingEntry, 'day' | 'at' | 'allDay'>, now = new Date()): string | null {
  if (e.day === null) return null;
  // The day is a calendar date: formatted at noon UTC it is that date in every time zone.
  const thisYear = Number(e.day.slice(0, 4)) === now.getFullYear();
  const day = (thisYear ? dayFormat : dayInYearFormat).format(new Date(`${e.day}T12:00:00Z`));
  if (e.allDay || e.at === null || /^\d{4}-\d{2}-\d{2}$/.test(e.at)) return day;
  const at = new Date(e.at);
  return Number.isNaN(at.getTime()) ? day : `${day}, ${timeFormat.format(at)}`;
}
