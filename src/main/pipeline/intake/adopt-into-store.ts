import fs from 'node:fs';
import path from 'node:path';
import type { DataPaths } from '../../config/data-dir';
import type { Queue } from '../../queue/queue';
import type { EnqueueResult, EventInput } from '../../queue/queue-store';
import type { ItemFilesStore } from '../../store/item-files-store';
import { storedAudioPath } from '../ingest/copy-into-store';

export interface AdoptedFile {
  /** A complete, fsynced file in the data dir (tmp/ or recordings/): it is moved, not copied. */
  file: string;
  sha256: string;
  bytes: number;
  /** The name the user sees. */
  fileName: string;
  priority: number;
  /** The timeline's first event, which says where the audio came from. */
  event: EventInput;
}

/**
 * Makes audio that arrived through the app (an upload, a recording) an item: the file is renamed to
 * where Ingest keeps stored copies (same disk, so atomic) and enqueued with that path as its source.
 * Ingest then finds its copy already in place and only verifies and probes it. The same audio
 * twice is one item: a duplicate's file is removed unless an item already uses it.
 */
export function adoptIntoStore(
  queue: Queue,
  files: ItemFilesStore,
  paths: DataPaths,
  f: AdoptedFile,
  now: number,
): EnqueueResult {
  const target = storedAudioPath(paths.audio, f.sha256, f.fileName);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  let created = false;
  if (path.resolve(f.file) !== target) {
    // A file named by its SHA-256 that is already there holds these very bytes.
    if (fs.existsSync(target)) {
      fs.rmSync(f.file, { force: true });
    } else {
      fs.renameSync(f.file, target);
      created = true;
    }
  }
  const r = queue.add(
    { sha256: f.sha256, sourcePath: target, fileName: f.fileName, sizeBytes: f.bytes, priority: f.priority },
    { runAt: now, event: f.event },
  );
  if (r.outcome === 'duplicate' && created) {
    const existing = files.stageItem(r.itemId);
    if (existing?.storedPath !== target && existing?.sourcePath !== target) fs.rmSync(target, { force: true });
  }
  return r;
}
