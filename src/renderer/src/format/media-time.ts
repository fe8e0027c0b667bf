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

const dueFormat = new Intl.DateTimeFormat(undefined, {
  weekday: 'short',
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
});

const dayParts = new Intl.DateTimeFormat(undefined, {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
});

/**
 * When a memory is due, in the reader's locale and time zone: with its time when one was said
 * ("Tue, Nov 24, 2026, 3:00 PM"), the day alone when only a day was (`allDay`: "Fri 11 Dec", the
 * year added when it is not this year), so no time is shown that nobody said.
 */
export function formatDue(iso: string, allDay = false, now = new Date()): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  if (!allDay) return dueFormat.format(date);
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    dayParts.formatToParts(date).find((p) => p.type === type)?.value ?? '';
  const day = `${part('weekday')} ${part('day')} ${part('month')}`;
  return date.getFullYear() === now.getFullYear() ? day : `${day} ${part('year')}`;
}
