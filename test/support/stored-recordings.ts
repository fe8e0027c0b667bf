import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { storedAudioPath } from '../../src/main/pipeline/ingest/copy-into-store';
import { adoptIntoStore } from '../../src/main/pipeline/intake/adopt-into-store';
import type { Lifeline } from '../../src/main/lifeline';
import { writeWav } from './audio-files';

let seed = 0;

/** Puts `n` distinct recordings (distinct across calls too) into the store as an upload would (stored copy in audio/ + item). */
export function addStoredRecordings(app: Lifeline, n: number): number[] {
  const ids: number[] = [];
  for (let i = 0; i < n; i++) {
    const tmp = writeWav(path.join(app.paths.tmp, `rec-${i}.wav`), { seconds: 0.2, seed: ++seed });
    const bytes = fs.readFileSync(tmp);
    const sha256 = crypto.createHash('sha256').update(bytes).digest('hex');
    const r = adoptIntoStore(
      app.queue,
      app.store.files,
      app.paths,
      {
        file: tmp,
        sha256,
        bytes: bytes.length,
        fileName: `rec-${i}.wav`,
        priority: 0,
        event: { type: 'added', actor: 'user' },
      },
      app.clock.now(),
    );
    ids.push(r.itemId);
    if (!fs.existsSync(storedAudioPath(app.paths.audio, sha256, `rec-${i}.wav`)))
      throw new Error('stored copy missing');
  }
  app.afterWrite();
  return ids;
}
