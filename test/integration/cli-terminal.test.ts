import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runCli as runCliInProcess } from '../../src/main/cli/main';
import { writeWav } from '../support/audio-files';
import { runCli } from '../support/spawn';
import { tempDir } from '../support/temp-dir';

/** Runs the CLI in this process and collects what it printed. */
async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const outSpy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((stdout += String(chunk)), true));
  const errSpy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((stderr += String(chunk)), true));
  try {
    const code = await runCliInProcess(args);
    return { code, stdout, stderr };
  } finally {
    outSpy.mockRestore();
    errSpy.mockRestore();
  }
}

afterEach(() => vi.restoreAllMocks());

/** Anything a terminal would obey: C0 but newline and tab, DEL, C1, bidi controls. */
const terminalControls = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/;

describe('lifeline settings set', () => {
  it('refuses a setting given without a value (exit 1, says to use --reset) and keeps the stored value', async () => {
    const data = path.join(tempDir(), 'data');
    expect((await cli(['--data-dir', data, 'settings', 'set', 'heartbeatMs', '2s'])).code).toBe(0);
    const forgot = await cli(['--data-dir', data, 'settings', 'set', 'heartbeatMs']);
    expect(forgot.code).toBe(1);
    expect(forgot.stderr.trim()).toBe(
      'lifeline: settings set heartbeatMs needs a value; to go back to the default, use --reset',
    );
    expect((await cli(['--data-dir', data, 'settings', 'get', 'heartbeatMs'])).stdout.trim()).toBe('2000');
    expect((await cli(['--data-dir', data, 'settings', 'set', 'heartbeatMs', '3s', '--reset'])).code).toBe(1);
  });
});

describe('file names with terminal escapes, printed by the CLI', () => {
  it('shows escape sequences and bidi overrides as visible text in lists, details and errors, while storing the name as given', async () => {
    const dir = tempDir();
    const data = path.join(dir, 'data');
    const name = 'memo\x1b[2J\x1b[1;1Hall clear\u202evaw.exe\u0085.wav';
    const file = writeWav(path.join(dir, name), { seconds: 0.2 });

    const added = await cli(['--data-dir', data, 'add', file]);
    expect(added.code, added.stderr).toBe(0);
    expect(added.stdout).not.toMatch(terminalControls);
    expect(added.stdout).toContain('memo\\x1b[2J\\x1b[1;1Hall clear\\u202evaw.exe\\u0085.wav');

    for (const args of [['items'], ['show', '1'], ['status']]) {
      const r = await cli(['--data-dir', data, ...args]);
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
      expect(r.stdout, args.join(' ')).not.toMatch(terminalControls);
    }
    const json = await cli(['--data-dir', data, 'items', '--json']);
    expect(json.stdout).not.toMatch(terminalControls);
    expect((JSON.parse(json.stdout) as { fileName: string }[])[0]!.fileName).toBe(name);

    const missing = await cli(['--data-dir', data, 'add', path.join(dir, 'gone\x1b]0;pwned\x07.wav')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).not.toMatch(terminalControls);
    expect(missing.stderr).toContain('gone\\x1b]0;pwned\\x07.wav');
    const usage = await cli(['--data-dir', data, 'items', '--state', '\x1b[2Jdead']);
    expect(usage.code).toBe(1);
    expect(usage.stderr).not.toMatch(terminalControls);
  });

  it('a real lifeline process prints a hostile file name escaped', async () => {
    const dir = tempDir();
    const data = path.join(dir, 'data');
    const file = writeWav(path.join(dir, 'a\x1b[31mred\u202e.wav'), { seconds: 0.2 });
    const added = await runCli(data, ['add', file]);
    expect(added.code, added.stderr).toBe(0);
    expect(added.stdout).toBe(`added 1 ${path.join(dir, 'a\\x1b[31mred\\u202e.wav')}\n`);
    expect(fs.existsSync(file)).toBe(true);
  });
});
