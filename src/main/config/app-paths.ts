import fs from 'node:fs';
import path from 'node:path';

/** The package root (where package.json names "lifeline"), found from this file in src/ or out/. */
export function packageRoot(from = __dirname): string {
  let dir = from;
  for (;;) {
    const pkg = path.join(dir, 'package.json');
    if (fs.existsSync(pkg)) {
      try {
        if ((JSON.parse(fs.readFileSync(pkg, 'utf8')) as { name?: string }).name === 'lifeline') return dir;
      } catch {
        // not ours; keep walking up
      }
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`cannot find Lifeline's package.json above ${from}`);
    dir = parent;
  }
}

/** The built renderer that `serve` hands to browsers (electron-vite build output). */
export function rendererDir(): string {
  return path.join(packageRoot(), 'out', 'renderer');
}
