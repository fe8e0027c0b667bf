import { plural as sharedPlural } from '../../../shared/text/plural';
const integer = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });

/** 100000 → "100,000" in the reader's locale. */
export function formatCount(n: number): string {
  return integer.format(n);
}

/** "1 item" / "3 items" (the one plural helper, with the reader's digit grouping). */
export function plural(n: number, one: string, many = `${one}s`): string {
  return sharedPlural(n, one, many, formatCount);
}

export { formatBytes } from '../../../shared/text/byte-size';

/** 75.4 → "1:15"; 3725 → "1:02:05". */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto', style: 'short' });

/** "3 minutes ago", "yesterday": for lists, with the exact time in a title. */
export function formatAgo(iso: string, now = Date.now()): string {
  const t = new Date(iso).getTime();
  if (Number.isNaN(t)) return iso;
  const s = Math.round((t - now) / 1000);
  const abs = Math.abs(s);
  if (abs < 45) return 'just now';
  if (abs < 2700) return relative.format(Math.round(s / 60), 'minute');
  if (abs < 79_200) return relative.format(Math.round(s / 3600), 'hour');
  if (abs < 2_592_000) return relative.format(Math.round(s / 86_400), 'day');
  if (abs < 31_536_000) return relative.format(Math.round(s / 2_592_000), 'month');
  return relative.format(Math.round(s / 31_536_000), 'year');
}
