/**
 * A size as people read it, in binary units: 512 → "512 B", 1536 → "1.5 KB", 297644 → "291 KB". One
 * format for the timeline's "uploaded …" and "stored …" and the item's Size, so one file is one size.
 */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let v = bytes / 1024;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${v < 10 ? v.toFixed(1) : Math.round(v)} ${units[u]}`;
}
