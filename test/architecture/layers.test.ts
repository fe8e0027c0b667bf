import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pureFiles } from '../../scripts/pure-files.mjs';
import { repoRoot } from '../support/spawn';

// The floors of src/main, lowest first (design.md §4: imports point down; pipeline → engine → queue ←
// store, the store implementing the queue's ports). A room may import its own floor or lower ones.
// The longest matching prefix wins, so a transport (api/http) sits with the roots it is wired by.
const floors: [prefix: string, floor: number][] = [
  ['time/', 0],
  ['log/', 0],
  ['config/', 1],
  ['queue/', 2],
  ['search/', 2],
  ['upcoming/', 2],
  ['store/', 3],
  ['breakers/', 4],
  ['metrics/', 4],
  ['maintenance/', 4],
  ['settings/', 4],
  ['disk/', 4],
  ['recovery/', 5],
  ['engine/', 6],
  ['health/', 7],
  ['pipeline/', 8],
  // Restore, doctor and rebuild: the rebuild re-adds recordings through the pipeline's intake.
  ['backup/', 8],
  ['api/', 9],
  ['api/http/', 10],
  ['api/pushed-events.ts', 10],
  ['lifeline.ts', 10],
  ['lifeline-types.ts', 10],
  ['worker-main.ts', 10],
  ['cli/', 11],
  ['shell/', 11],
];

const importPattern =
  /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/g;
const mainDir = path.join(repoRoot, 'src/main');

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const file = path.join(dir, e.name);
    if (e.isDirectory()) return sources(file);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [file] : [];
  });
}

/** The files a source imports by relative path, resolved to real files; `values` leaves out `import type`. */
function localImports(file: string, values = false): string[] {
  const text = fs.readFileSync(file, 'utf8');
  return [...text.matchAll(importPattern)]
    .filter((m) => !values || !/^(?:import|export)\s+type\s/.test(m[0]))
    .map((m) => m[1] ?? m[2] ?? m[3]!)
    .filter((spec) => spec.startsWith('.'))
    .flatMap((spec) => {
      const base = path.resolve(path.dirname(file), spec);
      const found = [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')].find(
        (f) => fs.existsSync(f) && fs.statSync(f).isFile(),
      );
      return found ? [found] : [];
    });
}

function floorOf(file: string): number | undefined {
  const rel = path.relative(mainDir, file).split(path.sep).join('/');
  const match = floors
    .filter(([prefix]) => rel === prefix || rel.startsWith(prefix))
    .sort((a, b) => b[0].length - a[0].length)[0];
  return match?.[1];
}

function globToRegExp(glob: string): RegExp {
  const body = glob
    .split('**/')
    .map((part) => part.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*'))
    .join('(?:.*/)?');
  return new RegExp(`^${body}$`);
}
const purePatterns = pureFiles.map(globToRegExp);
const isPure = (file: string) =>
  purePatterns.some((re) => re.test(path.relative(repoRoot, file).split(path.sep).join('/')));

describe('the floors of the engine process', () => {
  it('every room of src/main has a floor (a new room must be placed)', () => {
    const unplaced = sources(mainDir)
      .filter((f) => floorOf(f) === undefined)
      .map((f) => path.relative(repoRoot, f));
    expect(unplaced).toEqual([]);
  });

  it('no file imports from a higher floor, except pure modules, which any floor may use', () => {
    const upward = sources(mainDir).flatMap((file) =>
      localImports(file)
        .filter((target) => target.startsWith(mainDir) && !isPure(target) && floorOf(target)! > floorOf(file)!)
        .map(
          (target) =>
            `${path.relative(mainDir, file)} (floor ${floorOf(file)}) imports ${path.relative(mainDir, target)} (floor ${floorOf(target)})`,
        ),
    );
    expect(upward).toEqual([]);
  });

  // A type-only import runs nothing, so it cannot bring I/O with it; every value import is followed.
  it('pure modules import only pure modules, through every file they reach', () => {
    const pure = sources(path.join(repoRoot, 'src')).filter(isPure);
    expect(pure.length).toBeGreaterThan(10);
    const impure = pure.flatMap((file) =>
      localImports(file, true)
        .filter((target) => !isPure(target))
        .map(
          (target) => `${path.relative(repoRoot, file)} imports ${path.relative(repoRoot, target)}, which is not pure`,
        ),
    );
    // Direct imports of pure files are pure by the same rule, so checking each edge covers every path.
    expect(impure).toEqual([]);
  });
});
