import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/spawn';

// House style 13: SQL values are bound where the placeholder is written (`@itemId`), except the few
// hot statements the queue bench justifies; each of those carries a comment naming the bench figure.
const storeDir = path.join(repoRoot, 'src/main/store');
const justified = /\/\/ Positional \(hot path\): queue bench/;

/** SQL template literals in `text` with a positional `?` and no justifying comment just above them. */
function unjustifiedPositional(rel: string, source: string): string[] {
  const found: string[] = [];
  // Interpolations go first (innermost out, same length so line numbers hold): nested templates then
  // cannot split a statement.
  let text = source;
  for (let prev = ''; prev !== text;) {
    prev = text;
    text = text.replace(/\$\{[^{}]*\}/g, (s) => s.replace(/[^\n]/g, ' '));
  }
  for (const m of text.matchAll(/`([^`]*)`/g)) {
    const sql = m[1]!;
    if (!/\b(?:SELECT|INSERT|UPDATE|DELETE|VALUES|WHERE)\b/.test(sql)) continue;
    // `?` as a placeholder: not part of a word or a string, followed by a separator.
    if (!/(?<![\w'])\?(?=[\s,);]|$)/.test(sql)) continue;
    const above = text.slice(0, m.index).split('\n').slice(-4).join('\n');
    if (!justified.test(above)) found.push(`${rel}:${text.slice(0, m.index).split('\n').length}`);
  }
  return found;
}

describe('SQL parameters', () => {
  it('the check finds a positional statement without its bench figure (it can fail)', () => {
    const bad = 'const s = db.prepare(`SELECT 1 FROM jobs WHERE item_id = ?`);';
    expect(unjustifiedPositional('x.ts', bad)).toEqual(['x.ts:1']);
    const good =
      '// Positional (hot path): queue bench 40 vs 33 µs.\nconst s = db.prepare(`DELETE FROM t WHERE id = ?`);';
    expect(unjustifiedPositional('x.ts', good)).toEqual([]);
    expect(unjustifiedPositional('x.ts', 'db.prepare(`SELECT 1 FROM t WHERE id = @id`)')).toEqual([]);
  });

  it('every statement in src/main/store names its parameters, unless the queue bench justifies it', () => {
    const files = fs.readdirSync(storeDir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
    expect(files.length).toBeGreaterThan(20);
    const found = files.flatMap((f) => unjustifiedPositional(f, fs.readFileSync(path.join(storeDir, f), 'utf8')));
    expect(found).toEqual([]);
  });
});
