import fs from 'node:fs';
import path from 'node:path';

/**
 * Recordings, transcripts and memories are as private as anything on the machine: the data dir is
 * 0700 and every file in it 0600, so another local user cannot read them. Two halves: the process's
 * umask makes everything created from now on private (SQLite's database, WAL and shared-memory
 * files, logs, audio, temp files; worker processes inherit it), and `makeDataDirPrivate` fixes a
 * store created before this rule. Windows keeps its ACLs: there is nothing to do there.
 */
const privateUmask = 0o077;

/** Makes files this process creates private to the user. Returns false where that cannot be done. */
export function usePrivateUmask(): boolean {
  if (process.platform === 'win32') return false;
  try {
    process.umask(privateUmask);
    return true;
  } catch {
    // A worker thread cannot change the process's umask; its files get the explicit modes below.
    return false;
  }
}

/**
 * Sets the private umask for this process (see usePrivateUmask), creates the data dir 0700 if
 * needed and tightens what others could read or enter: directories to 0700, files to 0600 (symlinks
 * are not followed). Returns how many entries were changed.
 *
 * The whole tree is walked only when the data dir itself was open to others (a store from before
 * this rule): once it is 0700 nobody else can reach anything inside, so later starts check only its
 * top level, which keeps every CLI command from paying an lstat per stored recording.
 */
export function makeDataDirPrivate(dataDir: string): number {
  usePrivateUmask();
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  if (process.platform === 'win32') return 0;
  let changed = 0;
  const fix = (p: string, stat: fs.Stats, mode: number) => {
    if ((stat.mode & 0o777) !== mode && (stat.mode & 0o077) !== 0) {
      fs.chmodSync(p, mode);
      changed++;
    }
  };
  fix(dataDir, fs.lstatSync(dataDir), 0o700);
  const deep = changed > 0;
  const pending = [dataDir];
  while (pending.length > 0) {
    const dir = pending.pop()!;
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, entry.name);
      if (entry.isSymbolicLink()) continue;
      let stat: fs.Stats;
      try {
        stat = fs.lstatSync(p);
      } catch {
        continue; // removed meanwhile (a temp file of another process)
      }
      if (stat.isDirectory()) {
        fix(p, stat, 0o700);
        if (deep) pending.push(p);
      } else if (stat.isFile()) {
        fix(p, stat, 0o600);
      }
    }
  }
  return changed;
}

/** Makes the given files private if they exist (the database and its WAL, created by SQLite). */
export function makeFilesPrivate(files: readonly string[]): void {
  if (process.platform === 'win32') return;
  for (const f of files) {
    try {
      if ((fs.lstatSync(f).mode & 0o077) !== 0) fs.chmodSync(f, 0o600);
    } catch {
      // Not there (yet): nothing to protect.
    }
  }
}
