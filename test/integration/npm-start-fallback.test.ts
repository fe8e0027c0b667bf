import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, spawnNode } from '../support/spawn';
import { tempDir } from '../support/temp-dir';
import { waitFor } from '../support/wait-for';

// README, The two commands: "Where Electron cannot start (no Electron binary and none can be
// downloaded, no display, …) it says why in one paragraph and falls back to the headless server, so
// the engine and the UI still run". npm test builds before this runs, so start.cjs finds `out/`
// current and does not build again.

describe('npm start where no window can open', () => {
  it('says why in one paragraph and serves the engine and the UI on 127.0.0.1 instead', async () => {
    const env: NodeJS.ProcessEnv = { ...process.env, LIFELINE_NO_DOWNLOAD: '1', LIFELINE_LOG_LEVEL: 'warn' };
    delete env.DISPLAY;
    delete env.WAYLAND_DISPLAY;
    const dataDir = path.join(tempDir(), 'data');
    const run = spawnNode([path.join(repoRoot, 'scripts', 'start.cjs'), '--port', '0', '--data-dir', dataDir], { env });
    const out = { stdout: '', stderr: '' };
    run.child.stdout!.on('data', (d: Buffer) => (out.stdout += d.toString()));
    run.child.stderr!.on('data', (d: Buffer) => (out.stderr += d.toString()));
    try {
      const url = await waitFor(
        'the printed address',
        () => /Open (http:\/\/127\.0\.0\.1:\d+\/)\?token=\S+/.exec(out.stdout)?.[1],
        60_000,
      );
      // One paragraph (no blank line inside it), wrapped for a terminal.
      const paragraph = out.stderr.split('\n\n').find((p) => p.includes('Lifeline cannot open its desktop window'));
      expect(paragraph?.replace(/\s+/g, ' ').trim()).toMatch(
        /^Lifeline cannot open its desktop window here: there is no display \(neither DISPLAY nor WAYLAND_DISPLAY is set\)[^]*\. Starting the headless server instead: [^]*\.$/,
      );
      const page = await fetch(url);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<div id="root">');
    } finally {
      run.child.kill('SIGTERM');
      await run.done;
    }
  }, 90_000);
});
