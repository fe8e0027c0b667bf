/** Longest position a link may ask for, seconds (a day: far beyond any recording Lifeline accepts). */
const maxSeekSeconds = 86_400;

/**
 * The `t` of an item link (`#/items/12?t=4.5`): where its player should start, in seconds. Anything
 * that is not a plain non-negative number is ignored rather than guessed at.
 */
export function parseSeekTime(query: string): number | null {
  const raw = new URLSearchParams(query).get('t');
  if (raw === null || !/^\d{1,6}(\.\d{1,3})?$/.test(raw)) return null;
  const t = Number(raw);
  return t <= maxSeekSeconds ? t : null;
}

/** `?t=…` for a link to a moment in an item's audio, with at most millisecond precision. */
export function seekQuery(seconds: number): string {
  const t = Math.max(0, Math.round(seconds * 1000) / 1000);
  return `?t=${t}`;
}
