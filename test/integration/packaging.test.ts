import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/spawn';

// `npm run dist` packages the desktop app with electron-builder, which downloads Electron and its
// packaging tools and so cannot run here. What can be checked without a download is checked: the
// configuration against electron-builder's own schema, the targets a user on each system installs
// from, and the icon it converts for them.
type BuilderConfig = Record<string, unknown> & {
  appId?: string;
  productName?: string;
  icon?: string;
  linux?: { target?: string[] };
  mac?: { target?: string[] };
  win?: { target?: string[] };
};

const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
  getConfig(projectDir: string, configPath: string | null, configFromOptions: unknown): Promise<BuilderConfig>;
  validateConfiguration(config: BuilderConfig, logger: unknown): Promise<void>;
};
const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };

function pngSize(file: string): { width: number; height: number } {
  const head = fs.readFileSync(file).subarray(0, 24);
  expect(head.subarray(1, 4).toString('ascii')).toBe('PNG');
  return { width: head.readUInt32BE(16), height: head.readUInt32BE(20) };
}

describe('packaging (electron-builder)', () => {
  it('the configuration in package.json passes electron-builder’s own validation', async () => {
    const config = await getConfig(repoRoot, null, null);
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    expect(config.appId).toBe('app.lifeline.desktop');
    expect(config.productName).toBe('Lifeline');
  });

  it('a misspelt option is refused, so the validation above can fail', async () => {
    const config = await getConfig(repoRoot, null, { linux: { targett: ['AppImage'] } });
    await expect(validateConfiguration(config, new DebugLogger(false))).rejects.toThrow(/Invalid configuration object/);
  });

  it('builds AppImage and deb for Linux, dmg for macOS and an NSIS installer for Windows', async () => {
    const config = await getConfig(repoRoot, null, null);
    expect(config.linux?.target).toEqual(expect.arrayContaining(['AppImage', 'deb']));
    expect(config.mac?.target).toEqual(expect.arrayContaining(['dmg']));
    expect(config.win?.target).toEqual(expect.arrayContaining(['nsis']));
  });

  it('the icon is a square PNG of at least 512 px, from which the .icns and .ico are made', async () => {
    const config = await getConfig(repoRoot, null, null);
    const size = pngSize(path.join(repoRoot, config.icon!));
    expect(size.width).toBe(size.height);
    expect(size.width).toBeGreaterThanOrEqual(512);
  });

  it('every tray state has its icon at 1× and 2×', () => {
    for (const state of ['green', 'amber', 'red', 'paused', 'starting']) {
      expect(pngSize(path.join(repoRoot, 'resources', `tray-${state}.png`)).width).toBe(16);
      expect(pngSize(path.join(repoRoot, 'resources', `tray-${state}@2x.png`)).width).toBe(32);
    }
  });
});
