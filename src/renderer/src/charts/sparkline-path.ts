/** Where a series is drawn: the SVG's size and the inner padding, px. */
export interface ChartBox {
  width: number;
  height: number;
  pad: number;
}

/**
 * An SVG path through `values` (oldest first) spread evenly across the box, scaled so `max` touches
 * the top (default: the largest value). A null value leaves a gap: the line stops and starts again.
 */
export function sparklinePath(values: readonly (number | null)[], box: ChartBox, max?: number): string {
  if (values.length === 0) return '';
  const top = max ?? Math.max(0, ...values.filter((v): v is number => v !== null));
  const innerW = box.width - 2 * box.pad;
  const innerH = box.height - 2 * box.pad;
  const step = values.length > 1 ? innerW / (values.length - 1) : 0;
  const parts: string[] = [];
  let pen = false;
  values.forEach((v, i) => {
    if (v === null) {
      pen = false;
      return;
    }
    const x = box.pad + (values.length > 1 ? i * step : innerW / 2);
    const y = box.pad + innerH - (top > 0 ? (Math.min(v, top) / top) * innerH : 0);
    parts.push(`${pen ? 'L' : 'M'}${round(x)} ${round(y)}`);
    pen = true;
  });
  return parts.join(' ');
}

/** The same line closed down to the baseline, for a filled area under it (only without gaps). */
export function sparklineArea(values: readonly (number | null)[], box: ChartBox, max?: number): string {
  if (values.length < 2 || values.some((v) => v === null)) return '';
  const line = sparklinePath(values, box, max);
  const bottom = round(box.height - box.pad);
  return `${line} L${round(box.width - box.pad)} ${bottom} L${round(box.pad)} ${bottom} Z`;
}

/** A "nice" top for an axis: the next 1, 2 or 5 × 10ⁿ at or above `value`. */
export function niceMax(value: number): number {
  if (value <= 0) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  for (const m of [1, 2, 5, 10]) if (m * magnitude >= value) return m * magnitude;
  return 10 * magnitude;
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}
