export interface VisibleRange {
  /** First and last row index to render (inclusive); last < first when there are no rows. */
  first: number;
  last: number;
}

/**
 * Which rows of a fixed-height list to render for a scroll position: the rows in view plus
 * `overscan` rows either side, so a fast scroll does not show blank space before the next frame.
 */
export function visibleRange(
  scrollTop: number,
  viewportHeight: number,
  rowHeight: number,
  count: number,
  overscan: number,
): VisibleRange {
  if (count <= 0 || rowHeight <= 0) return { first: 0, last: -1 };
  const top = Math.max(0, Math.floor(scrollTop / rowHeight));
  const bottom = Math.ceil((scrollTop + Math.max(viewportHeight, rowHeight)) / rowHeight) - 1;
  return { first: Math.max(0, Math.min(count - 1, top - overscan)), last: Math.min(count - 1, bottom + overscan) };
}

/** Pages (of `pageSize` rows) a range touches. */
export function pagesOf(range: VisibleRange, pageSize: number): number[] {
  if (range.last < range.first) return [];
  const out: number[] = [];
  for (let p = Math.floor(range.first / pageSize); p <= Math.floor(range.last / pageSize); p++) out.push(p);
  return out;
}
