import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '..', '..', '..');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (!entry.isDirectory() && entry.name.endsWith('.test.ts')) continue; // unit tests are not bundled
    const t = entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs;
    if (t > newest) newest = t;
  }
  return newest;
}

/**
 * `lifeline serve` hands browsers the built renderer in out/renderer. Testing a missing or stale build
 * would test old code, so refuse to start and say what to run.
 */
export default function globalSetup(): void {
  const built = path.join(root, 'out', 'renderer', 'index.html');
  if (!fs.existsSync(built)) throw new Error('The UI is not built: run `npm run build` before `npx playwright test`.');
  const sources = Math.max(
    newestMtime(path.join(root, 'src', 'renderer')),
    newestMtime(path.join(root, 'src', 'shared')),
  );
  if (sources > fs.statSync(built).mtimeMs) {
    throw new Error(
      'out/renderer is older than src/renderer or src/shared: run `npm run build` before `npx playwright test`.',
    );
  }
}
