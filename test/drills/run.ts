/**
 * `npm run drill [-- NAME…] [--short]`: runs the drills (test/drills/*.drill.ts), prints one table
 * and writes bench-results/drills.json. Exits 1 when a drill missed its goal.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Drill, DrillRow } from './drill';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const shortOnly = args.includes('--short');
  const names = args.filter((a) => !a.startsWith('--'));
  const files = fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith('.drill.ts'))
    .sort();
  const rows: DrillRow[] = [];
  for (const file of files) {
    const drill = (require(path.join(__dirname, file)) as { drill: Drill }).drill;
    if (shortOnly && !drill.short) continue;
    if (names.length > 0 && !names.includes(drill.name)) continue;
    process.stderr.write(`drill ${drill.name}…\n`);
    try {
      rows.push(...(await drill.run()));
    } catch (err: unknown) {
      rows.push({
        drill: drill.name,
        case: '(crashed)',
        figures: {},
        passed: false,
        why: err instanceof Error ? err.message : String(err),
      });
    }
  }
  for (const r of rows) {
    const figures = Object.entries(r.figures)
      .map(([k, v]) => `${k}=${v}`)
      .join(' ');
    console.log(
      `${r.passed ? 'ok  ' : 'FAIL'} ${r.drill.padEnd(22)} ${r.case.padEnd(34)} ${figures}${r.why ? `  (${r.why})` : ''}`,
    );
  }
  const out = path.join(__dirname, '..', '..', 'bench-results');
  fs.mkdirSync(out, { recursive: true });
  fs.writeFileSync(path.join(out, 'drills.json'), JSON.stringify(rows, null, 2));
  const failed = rows.filter((r) => !r.passed).length;
  console.log(`${rows.length - failed} passed, ${failed} failed`);
  if (failed > 0) process.exitCode = 1;
}

void main();
