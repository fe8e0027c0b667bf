import fs from 'node:fs';
import path from 'node:path';

/**
 * The absolute path of `name` on PATH (or `name` itself when it is a path), or null. Reads the
 * file system only — no process is started — so availability checks can call it cheaply.
 */
export function findExecutable(name: string, env: NodeJS.ProcessEnv = process.env): string | null {
  const isExecutable = (file: string) => {
    try {
      fs.accessSync(file, fs.constants.X_OK);
      return fs.statSync(file).isFile();
    } catch {
      return false;
    }
  };
  if (name.includes('/') || name.includes('\\')) return isExecutable(name) ? path.resolve(name) : null;
  const exts = process.platform === 'win32' ? (env.PATHEXT ?? '.EXE;.CMD;.BAT').split(';') : [''];
  for (const dir of (env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    for (const ext of exts) {
      const file = path.join(dir, name + ext);
      if (isExecutable(file)) return file;
    }
  }
  return null;
}

/** A probe result kept for `ttlMs`, so a hot availability check does not touch the disk each time. */
export class CachedProbe<T> {
  private value: T | undefined;
  private at = -Infinity;
  constructor(
    private readonly probe: () => T,
    private readonly ttlMs = 30_000,
  ) {}
  get(): T {
    const now = performance.now();
    if (this.value === undefined || now - this.at > this.ttlMs) {
      this.value = this.probe();
      this.at = now;
    }
    return this.value;
  }
}
