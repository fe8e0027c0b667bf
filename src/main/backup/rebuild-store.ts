import path from 'node:path';
import { stages } from '../../shared/contract';
import type { DataPaths } from '../config/data-dir';
import { SettingsService } from '../settings/settings-service';
import { hashFile } from '../pipeline/ingest/copy-into-store';
import { adoptIntoStore } from '../pipeline/intake/adopt-into-store';
import { Queue } from '../queue/queue';
import { checkStoreFile, itemAudioHashes } from '../store/store-copy';
import { openStore } from '../store/store';
import type { Clock } from '../time/clock';
import { moveStoreAside, refuseWhileHeld } from './restore-store';
import { storedRecordings } from './store-damage';

export interface RebuildResult {
  /** Where a damaged store was moved (never deleted), or null when the store was readable and kept. */
  movedAside: string | null;
  readded: number;
  /** Recordings whose bytes no longer match their name (damaged audio): left where they are. */
  damaged: string[];
}

/**
 * `lifeline doctor --rebuild`: a store that cannot be read is moved aside and a fresh one made; then
 * every stored recording that no item holds becomes an item again at the first stage, so its
 * transcript and memories are redone. Names the user gave are not in audio/ (files are named by
 * their SHA-256), so re-added items are named that way.
 */
export async function rebuildStore(
  paths: DataPaths,
  options: { force?: boolean; clock: Clock; env: NodeJS.ProcessEnv },
): Promise<RebuildResult> {
  refuseWhileHeld(paths, 'run `lifeline doctor --rebuild`', options.force ?? false);
  const now = options.clock.now();
  const readable = checkStoreFile(paths.database).ok;
  const movedAside = !readable ? moveStoreAside(paths, now) : null;
  const store = openStore(paths);
  try {
    const settings = new SettingsService(store.settings, options.env, options.clock);
    const queue = new Queue(store.queuePorts, {
      stageOrder: stages,
      policies: settings.current.stages,
      clock: options.clock,
    });
    const held = itemAudioHashes(store.db);
    let readded = 0;
    const damaged: string[] = [];
    for (const file of storedRecordings(paths.audio)) {
      const named = path.basename(file).slice(0, 64);
      if (held.has(named)) continue;
      const { sha256, bytes } = await hashFile(file);
      if (sha256 !== named) {
        damaged.push(file);
        continue;
      }
      const r = adoptIntoStore(
        queue,
        store.files,
        paths,
        {
          file,
          sha256,
          bytes,
          fileName: path.basename(file),
          priority: 0,
          event: { type: 'added', actor: 'user', detail: 're-added by lifeline doctor --rebuild' },
        },
        options.clock.now(),
      );
      if (r.outcome !== 'duplicate') readded++;
      held.add(sha256);
    }
    return { movedAside, readded, damaged };
  } finally {
    store.close();
  }
}
