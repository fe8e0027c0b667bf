import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { freshBuild } from '../../bin/built-entry.cjs';
import { tempDir } from '../support/temp-dir';

function tree(): { root: string; touch(rel: string, at: number): void } {
  const root = tempDir();
  return {
    root,
    touch(rel, at) {
      const file = path.join(root, rel);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, '');
      fs.utimesSync(file, at / 1000, at / 1000);
    },
  };
}

describe('which lifeline runs: the build or the sources', () => {
  it('runs the build when nothing in src/ is newer than it', () => {
    const t = tree();
    t.touch('src/main/cli/main.ts', 1_000_000);
    t.touch('src/shared/contract/index.ts', 1_000_000);
    t.touch('out/main/cli.js', 2_000_000);
    expect(freshBuild('out/main/cli.js', t.root)).toBe(path.join(t.root, 'out/main/cli.js'));
  });

  it('runs the sources when one source file changed after the build, however deep', () => {
    const t = tree();
    t.touch('out/main/cli.js', 2_000_000);
    t.touch('src/main/pipeline/asr/whisper-engine.ts', 3_000_000);
    expect(freshBuild('out/main/cli.js', t.root)).toBeNull();
  });

  it('runs the sources when there is no build, or when LIFELINE_FROM_SOURCES=1 says so', () => {
    const t = tree();
    t.touch('src/main/cli/main.ts', 1_000_000);
    expect(freshBuild('out/main/cli.js', t.root)).toBeNull();
    t.touch('out/main/cli.js', 2_000_000);
    vi.stubEnv('LIFELINE_FROM_SOURCES', '1');
    try {
      expect(freshBuild('out/main/cli.js', t.root)).toBeNull();
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it('an installed copy without its sources runs its build', () => {
    const t = tree();
    t.touch('out/main/cli.js', 2_000_000);
    expect(freshBuild('out/main/cli.js', t.root)).toBe(path.join(t.root, 'out/main/cli.js'));
  });
});
