import fs from 'node:fs';
import path from 'node:path';
import type { AddFilesResult } from '../../../shared/contract';
import type { Queue } from '../../queue/queue';
import { isInsideAllowedDir, notAllowedMessage } from './add-path-policy';
import { sniffAndHash } from './sniff-and-hash';

/** Where the caller may add from: `null` for anywhere readable (the CLI), else these folders only. */
export type AddFrom = readonly string[] | null;

/** Each folder with its symlinks resolved (a home that is a link still allows its files); gone folders are left out. */
export function realDirs(dirs: readonly string[]): string[] {
  return dirs.flatMap((d) => {
    if (d === '') return [];
    try {
      return [fs.realpathSync(path.resolve(d))];
    } catch {
      return [];
    }
  });
}

/**
 * Adds files as items: each is sniffed and hashed in one read (sniff-and-hash.ts) and enqueued at the
 * first stage; the same audio twice is one item. Files that cannot be read, or whose content is not
 * audio (audio-sniff.ts), are rejected with a coded reason and nothing is stored for them. With
 * `from`, files outside those folders are refused
 * (PATH_NOT_ALLOWED) without being opened.
 */
export async function addFiles(
  queue: Queue,
  paths: readonly string[],
  priority: number,
  from: AddFrom = null,
): Promise<AddFilesResult> {
  const result: AddFilesResult = { added: [], duplicates: [], rejected: [] };
  const allowed = from && realDirs(from);
  for (const given of paths) {
    const file = path.resolve(given);
    let stat: fs.Stats;
    try {
      // Judged before and after resolving links, and before anything says whether the file exists.
      if (
        allowed &&
        (!isInsideAllowedDir(file, allowed, path.sep) || !isInsideAllowedDir(fs.realpathSync(file), allowed, path.sep))
      ) {
        result.rejected.push({ file, code: 'PATH_NOT_ALLOWED', message: notAllowedMessage(file) });
        continue;
      }
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
      const read = await sniffAndHash(file, path.basename(file));
      if (!read.ok) {
        result.rejected.push({ file, code: read.code, message: read.message });
        continue;
      }
      ({ sha256, bytes } = read);
    } catch (err: unknown) {
      result.rejected.push({
        file,
        code: 'FILE_UNREADABLE',
        message: `${file} cannot be read (${(err as Error).message})`,
      });
      continue;
    }
    const r = queue.add({ sha256, sourcePath: file, fileName: path.basename(file), sizeBytes: bytes, priority });
    (r.outcome === 'duplicate' ? result.duplicates : result.added).push({ id: r.itemId, file });
  }
  return result;
}
