import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// docs/promises.md lists every promise the product makes with the test, drill or bench that proves it
// (house style 15). A row without a proof, or a proof that was renamed or deleted, fails here.

const root = path.resolve(__dirname, '../..');
const doc = fs.readFileSync(path.join(root, 'docs/promises.md'), 'utf8');

interface Row {
  line: number;
  promise: string;
  proof: string;
  verdict: string;
}

/** The promise rows of every table: `| Promise | Where | Proof | Verdict |`, headers and rules left out. */
function rows(): Row[] {
  const found: Row[] = [];
  doc.split('\n').forEach((text, i) => {
    if (!text.startsWith('|') || /^\|\s*-/.test(text) || /^\|\s*Promise\s*\|/.test(text)) return;
    const cells = text
      .split('|')
      .slice(1, -1)
      .map((c) => c.trim());
    if (cells.length !== 4) throw new Error(`docs/promises.md:${i + 1} has ${cells.length} cells, not 4`);
    found.push({ line: i + 1, promise: cells[0]!, proof: cells[2]!, verdict: cells[3]! });
  });
  return found;
}

/** File paths written in backticks, e.g. `test/integration/wal-loss.test.ts`. */
const pathsIn = (text: string) => [...text.matchAll(/`([\w.-]+(?:\/[\w.-]+)+\.(?:tsx?|mjs|md))`/g)].map((m) => m[1]!);
const proofFile = /^(test|src|bench)\/.+\.(tsx?)$/;

describe('docs/promises.md', () => {
  const all = rows();

  it('lists the promises in tables of promise, where, proof and verdict', () => {
    expect(all.length).toBeGreaterThan(80);
    for (const r of all) expect(r.promise.length, `line ${r.line}`).toBeGreaterThan(10);
  });

  it('names a test, drill or bench for every promise', () => {
    const without = all.filter((r) => !pathsIn(r.proof).some((p) => proofFile.test(p)));
    expect(without.map((r) => `line ${r.line}: ${r.promise}`)).toEqual([]);
  });

  it('names only files that exist', () => {
    const missing = pathsIn(doc).filter((p) => !fs.existsSync(path.join(root, p)));
    expect(missing).toEqual([]);
  });

  it('gives each promise a verdict, and a measured one a bench or a drill', () => {
    for (const r of all) {
      expect(r.verdict, `line ${r.line}`).toMatch(/^(default|rule|measured|added|partly: .+)$/);
      if (r.verdict === 'measured')
        expect(
          pathsIn(r.proof).some((p) => p.startsWith('bench/') || p.endsWith('.drill.ts')),
          `line ${r.line}`,
        ).toBe(true);
    }
  });
});
