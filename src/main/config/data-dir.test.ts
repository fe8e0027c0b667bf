import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveDataDir } from './data-dir';

describe('resolveDataDir', () => {
  it('prefers the flag, then LIFELINE_DATA_DIR', () => {
    expect(resolveDataDir('/a', { LIFELINE_DATA_DIR: '/b' })).toBe('/a');
    expect(resolveDataDir(undefined, { LIFELINE_DATA_DIR: '/b' })).toBe('/b');
  });

  it("uses the OS app-data dir where Electron's userData for Lifeline would be", () => {
    expect(resolveDataDir(undefined, {}, 'linux')).toBe(path.join(os.homedir(), '.config', 'Lifeline'));
    expect(resolveDataDir(undefined, {}, 'darwin')).toBe(
      path.join(os.homedir(), 'Library', 'Application Support', 'Lifeline'),
    );
    expect(resolveDataDir(undefined, { APPDATA: 'C:\\Users\\me\\AppData\\Roaming' }, 'win32')).toBe(
      path.join('C:\\Users\\me\\AppData\\Roaming', 'Lifeline'),
    );
  });
});
