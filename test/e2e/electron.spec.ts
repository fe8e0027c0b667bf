import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import { locateElectron } from '../../scripts/electron-binary.cjs';
import { prepareElectronSqlite } from '../../scripts/electron-native.cjs';

// The desktop app itself: the built main process in a real Electron, against a temp data dir.
// Where Electron cannot run (no binary, no display), the test is skipped and says why.

const root = path.resolve(__dirname, '..', '..');
const mainEntry = path.join(root, 'out', 'main', 'index.js');
const electronBinary = locateElectron(root);

function whyElectronCannotRun(): string | null {
  if (!electronBinary.present) {
    return `no Electron binary at ${path.relative(root, electronBinary.binary)} (node node_modules/electron/install.js downloads it)`;
  }
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY)
    return 'no display (run under xvfb-run)';
  if (!fs.existsSync(mainEntry)) return `${path.relative(root, mainEntry)} is not built (npm run build)`;
  return null;
}

const skipReason = whyElectronCannotRun();
if (skipReason !== null) console.log(`electron.spec.ts skipped: ${skipReason}`);
test.skip(skipReason !== null, skipReason ?? '');

test('the desktop window opens on the Overview, with the typed API and no Node in the page', async () => {
  // The first run may compile better-sqlite3 for Electron.
  test.setTimeout(15 * 60_000);
  const sqlite = prepareElectronSqlite({
    root,
    electronVersion: electronBinary.version,
    say: (line) => console.log(line),
  });
  if (!sqlite.ok) console.log(`electron.spec.ts skipped: ${sqlite.why}`);
  test.skip(!sqlite.ok, sqlite.ok ? '' : sqlite.why);
  if (!sqlite.ok) return;

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lifeline-electron-e2e-'));
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && k !== 'ELECTRON_RUN_AS_NODE') env[k] = v;
  Object.assign(env, { LIFELINE_DATA_DIR: dataDir, LIFELINE_SQLITE_BINDING: sqlite.binding });
  // Chromium's sandbox will not start as root (CI containers); the app itself never turns it off.
  const asRoot = process.platform === 'linux' && process.getuid?.() === 0;
  const app = await electron.launch({
    executablePath: electronBinary.binary,
    args: [mainEntry, ...(asRoot ? ['--no-sandbox'] : [])],
    env,
  });
  try {
    const page = await app.firstWindow();
    await expect(page).toHaveTitle('Lifeline');
    await expect(page.getByRole('heading', { name: 'Overview' })).toBeVisible();
    await expect(page.getByRole('alert')).toHaveCount(0);
    expect(
      await page.evaluate(() => (globalThis as unknown as { lifeline?: { transport: string } }).lifeline?.transport),
    ).toBe('desktop');
    expect(await page.evaluate(() => typeof (globalThis as unknown as { require?: unknown }).require)).toBe(
      'undefined',
    );
    expect(await app.evaluate(({ app: electronApp }) => electronApp.getPath('userData'))).toBe(dataDir);
    fs.mkdirSync(path.join(root, 'test-results'), { recursive: true });
    await page.screenshot({ path: path.join(root, 'test-results', 'electron-overview.png') });
  } finally {
    await app.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
