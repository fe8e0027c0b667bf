import fs from 'node:fs';
import path from 'node:path';

export interface BenchRow {
  name: string;
  value: string;
  note?: string;
}

/** Prints a section as an aligned table and saves it as bench-results/<file>.json. */
export function report(title: string, file: string, rows: BenchRow[], data: unknown): void {
  const w = Math.max(...rows.map((r) => r.name.length));
  const v = Math.max(...rows.map((r) => r.value.length));
  process.stdout.write(`\n${title}\n${'-'.repeat(title.length)}\n`);
  for (const r of rows)
    process.stdout.write(`${r.name.padEnd(w)}  ${r.value.padStart(v)}${r.note ? `  ${r.note}` : ''}\n`);
  const dir = path.resolve(__dirname, '..', 'bench-results');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(
    path.join(dir, `${file}.json`),
    `${JSON.stringify({ title, at: new Date().toISOString(), rows, data }, null, 2)}\n`,
  );
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

export const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
