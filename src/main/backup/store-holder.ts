import fs from 'node:fs';
import path from 'node:path';
import { ownerIsGone } from '../recovery/process-alive';

/**
 * The engine that has the store open (`serve` or the desktop app) names itself in
 * `<data dir>/engine.owner` while it runs, so `restore` and `doctor --rebuild` do not swap the
 * file under it (its open connection would go on writing to the old one). A crashed engine's
 * file is ignored: its process is gone.
 */
export class StoreHolder {
  private readonly file: string;

  constructor(dataDir: string) {
    this.file = path.join(dataDir, 'engine.owner');
  }

  claim(owner: string): void {
    fs.writeFileSync(this.file, owner, { mode: 0o600 });
  }

  release(owner: string): void {
    if (this.current() === owner) fs.rmSync(this.file, { force: true });
  }

  /** The owner id of a live engine on this store, or null. */
  live(self = ''): string | null {
    const owner = this.current();
    if (!owner) return null;
    // This very process holds it (an engine opened in-process): alive by definition.
    if (owner.split(':')[1] === String(process.pid)) return owner;
    return !ownerIsGone(owner, self) ? owner : null;
  }

  private current(): string | null {
    try {
      return fs.readFileSync(this.file, 'utf8').trim() || null;
    } catch {
      return null;
    }
  }
}

/** "pid 1234" from an owner id "host:1234:startedAt". */
export const ownerPid = (owner: string) => `pid ${owner.split(':')[1] ?? '?'}`;
