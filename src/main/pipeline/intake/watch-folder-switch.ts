import path from 'node:path';
import type { Stop } from '../../../shared/stop';
import type { Logger } from '../../log/logger';
import { WatchFolder, type WatchFolderDeps } from './watch-folder';

/**
 * The watch folder the `watchDir` setting names, switched at once when the setting changes: the
 * old folder's watcher stops, the new one starts and picks up the files already in it (files it
 * has handled before are remembered in the store, so switching back adds nothing twice).
 */
export class WatchFolderSwitch {
  private folder: WatchFolder | null = null;
  private running = false;
  private readonly log: Logger;

  constructor(
    private readonly deps: Omit<WatchFolderDeps, 'dir'>,
    dir: string,
  ) {
    this.log = deps.log.child({ module: 'watch-folder' });
    this.folder = dir ? new WatchFolder({ ...deps, dir }) : null;
  }

  /** The folder being watched; null when none is set. */
  get current(): WatchFolder | null {
    return this.folder;
  }

  start(): Stop {
    this.running = true;
    this.folder?.start();
    return () => this.stop();
  }

  /** Watches `dir` instead (empty: none); nothing happens when it is the folder already watched. */
  switchTo(dir: string): void {
    const next = dir ? path.resolve(dir) : null;
    if (next === (this.folder?.dir ?? null)) return;
    this.folder?.stop();
    this.folder = next ? new WatchFolder({ ...this.deps, dir: next }) : null;
    this.log.info({ dir: next }, next ? 'watch folder switched' : 'watch folder turned off');
    if (this.running) this.folder?.start();
    this.deps.onStatusChange?.();
  }

  stop(): void {
    this.running = false;
    this.folder?.stop();
  }
}
