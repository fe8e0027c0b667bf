import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface SmallDisk {
  dir: string;
  /** Fills the file system up to its last few KiB with one file. */
  fill(): void;
  /** Frees what `fill` took. */
  free(): void;
  unmount(): void;
}

/**
 * A real, tiny file system (tmpfs) for disk-full tests, or null where this machine cannot mount one
 * (not root, or in a container without the capability): those tests then say so and the injected
 * ENOSPC tests still run.
 */
export function mountSmallDisk(sizeMiB: number): SmallDisk | null {
  if (process.platform !== 'linux') return null;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lifeline-tmpfs-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeMiB}m`, 'tmpfs', dir], { stdio: 'ignore' });
  } catch {
    fs.rmSync(dir, { recursive: true, force: true });
    return null;
  }
  const filler = path.join(dir, 'filler.bin');
  return {
    dir,
    fill() {
      const fd = fs.openSync(filler, 'w');
      const block = Buffer.alloc(64 * 1024, 1);
      try {
        for (;;) fs.writeSync(fd, block);
      } catch {
        // ENOSPC: full.
      } finally {
        fs.closeSync(fd);
      }
      // The last partial block too.
      try {
        fs.appendFileSync(filler, Buffer.alloc(4096, 1));
      } catch {
        // full
      }
    },
    free() {
      fs.rmSync(filler, { force: true });
    },
    unmount() {
      execFileSync('umount', ['-l', dir], { stdio: 'ignore' });
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
