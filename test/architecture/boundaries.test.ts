import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/spawn';

// The rooms' walls, checked on the sources themselves (eslint says the same while you type; this test
// fails the suite even if a lint rule is switched off). Import specifiers are read with a regex: good
// enough for our code, which has no dynamic import paths built from strings.
const importPattern =
  /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/g;

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sources(file));
    else if (/\.(ts|tsx)$/.test(entry.name)) out.push(file);
  }
  return out;
}

function importsOf(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  return [...text.matchAll(importPattern)].map((m) => m[1] ?? m[2] ?? m[3]!);
}

/** Where a relative specifier points, relative to the repo; bare specifiers as they are. */
function target(file: string, spec: string): string {
  return spec.startsWith('.') ? path.relative(repoRoot, path.resolve(path.dirname(file), spec)) : spec;
}

function offenders(dir: string, forbidden: (target: string) => boolean): string[] {
  return sources(path.join(repoRoot, dir)).flatMap((file) =>
    importsOf(file)
      .filter((spec) => forbidden(target(file, spec)))
      .map((spec) => `${path.relative(repoRoot, file)} imports ${spec}`),
  );
}

describe('architecture boundaries', () => {
  it('finds imports at all (the check itself works)', () => {
    expect(importsOf(path.join(repoRoot, 'src/renderer/src/App.tsx')).length).toBeGreaterThan(3);
  });

  it('the renderer imports nothing from src/main, no Node built-ins and no electron: it only knows the contract', () => {
    const bad = offenders(
      'src/renderer',
      (t) => t.startsWith('src/main') || t.startsWith('node:') || t === 'electron' || t === 'better-sqlite3',
    );
    expect(bad).toEqual([]);
  });

  it('only src/main/shell imports electron; the engine runs in plain Node', () => {
    const bad = offenders('src/main', (t) => t === 'electron' || t.startsWith('electron/')).filter(
      (line) => !line.startsWith('src/main/shell/'),
    );
    expect(bad).toEqual([]);
  });

  it('the shared contract imports nothing from the processes that use it', () => {
    const bad = offenders(
      'src/shared',
      (t) =>
        t.startsWith('src/main') || t.startsWith('src/renderer') || t.startsWith('src/preload') || t === 'electron',
    );
    expect(bad).toEqual([]);
  });
});
