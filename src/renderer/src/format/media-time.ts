/**
 * A position in a recording, as a player shows it: `0:04`, `12:30`, `1:02:03` (whole seconds,
 * rounded down, so a segment starting at 4.9 s reads 0:04 like the player's clock).
 */
export function formatOffset(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '0:00';
  const total = Math.floor(seconds);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

const dayOptions: Intl.DateTimeFormatOptions = { weekday: 'short', month: 'short', day: 'numeric' };
const dueFormats = {
  day: new Intl.DateTimeFormat(undefined, dayOptions),
  dayInYear: new Intl.DateTimeFormat(undefined, { ...dayOptions, year: 'numeric' }),
  time: new Intl.DateTimeFormat(undefined, { ...dayOptions, hour: 'numeric', minute: '2-digit' }),
  timeInYear: new Intl.DateTimeFormat(undefined, {
    ...dayOptions,
    year: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
  }),
};

/**
 * When a memory is due, in the reader's locale and time zone and in the words Upcoming uses: the
 * day alone when only a day was said (`allDay`: "Fri, Dec 11"), with its time when one was ("Fri,
 * Dec 11, 4:00 PM"), so no time is shown that nobody said; the year only when it is not this year.
 */
export function formatDue(iso: string, allDay = false, now = new Date()): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const thisYear = date.getFullYear() === now.getFullYear();
  if (allDay) return (thisYear ? dueFormats.day : dueFormats.dayInYear).format(date);
  return (thisYear ? dueFormats.time : dueFormats.timeInYear).format(date);
}
