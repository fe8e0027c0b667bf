import fs from 'node:fs';
import path from 'node:path';
import type { AddFilesResult } from '../../../shared/contract';
import type { Queue } from '../../queue/queue';
import { hashFile } from '../ingest/copy-into-store';
import { sniffAudioFile } from './audio-sniff';

/**
 * Adds files as items: each is hashed (streamed, off the event loop's back) and enqueued at the
 * first stage; the same audio twice is one item. Files that cannot be read, or whose content is not
 * audio (audio-sniff.ts), are rejected with a coded reason and nothing is stored for them.
 */
export async function addFiles(queue: Queue, paths: readonly string[], priority: number): Promise<AddFilesResult> {
  const result: AddFilesResult = { added: [], duplicates: [], rejected: [] };
  for (const given of paths) {
    const file = path.resolve(given);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(file);
    } catch (err: unknown) {
      const code = (err as NodeJS.ErrnoException).code;
      result.rejected.push(
        code === 'ENOENT'
          ? { file, code: 'FILE_NOT_FOUND', message: `${file} does not exist` }
          : { file, code: 'FILE_UNREADABLE', message: `${file} cannot be read (${code ?? 'unknown error'})` },
      );
      continue;
    }
    if (!stat.isFile()) {
      result.rejected.push({ file, code: 'NOT_A_FILE', message: `${file} is not a regular file` });
      continue;
    }
    let sha256: string;
    let bytes: number;
    try {
      const sniffed = await sniffAudioFile(file, path.basename(file));
      if (!sniffed.ok) {
        result.rejected.push({ file, code: sniffed.code, message: sniffed.message });
        continue;
      }
      ({ sha256, bytes } = await hashFile(file));
    } catch (err: unknown) {
      result.rejected.push({ file, code: 'FILE_UNREADABLE', message: `${file} cannot be read (${(err as Error).message})` });
      continue;
    }
    const r = queue.add({ sha256, sourcePath: file, fileName: path.basename(file), sizeBytes: bytes, priority });
    (r.outcome === 'duplicate' ? result.duplicates : result.added).push({ id: r.itemId, file });
  }
  return result;
}
