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

/** Files read at once, and enqueued in one transaction. */
const windowSize = 16;

/** Runs `fn` as one transaction (the store's `atomically`); by default each add is its own. */
export type Atomically = <T>(fn: () => T) => T;

type Read =
  { file: string; rejected: AddFilesResult['rejected'][number] } | { file: string; sha256: string; bytes: number };

/**
 * Adds files as items: each is sniffed and hashed in one read (sniff-and-hash.ts) and enqueued at the
 * first stage; the same audio twice is one item. Files that cannot be read, or whose content is not
 * audio (audio-sniff.ts), are rejected with a coded reason and nothing is stored for them. With
 * `from`, files outside those folders are refused (PATH_NOT_ALLOWED) without being opened. Files are
 * read a few at a time and each few enqueued in one transaction (`atomically`): a drop of 10,000
 * files takes the write lock a few hundred times, not 10,000, each time the workers may hold it.
 */
export async function addFiles(
  queue: Queue,
  paths: readonly string[],
  priority: number,
  from: AddFrom = null,
  atomically: Atomically = (fn) => fn(),
  /** The "added" event's words for a file (default: its path), e.g. where it was found. */
  addedDetail: (file: string) => string = (file) => file,
): Promise<AddFilesResult> {
  const result: AddFilesResult = { added: [], duplicates: [], rejected: [] };
  const allowed = from && realDirs(from);
  for (let i = 0; i < paths.length; i += windowSize) {
    const reads = await Promise.all(paths.slice(i, i + windowSize).map((given) => readOne(given, allowed)));
    atomically(() => {
      for (const read of reads) {
        if ('rejected' in read) {
          result.rejected.push(read.rejected);
          continue;
        }
        const { file, sha256, bytes } = read;
        const r = queue.add(
          { sha256, sourcePath: file, fileName: path.basename(file), sizeBytes: bytes, priority },
          { event: { type: 'added', actor: 'user', detail: addedDetail(file) } },
        );
        (r.outcome === 'duplicate' ? result.duplicates : result.added).push({ id: r.itemId, file });
      }
    });
  }
  return result;
}

async function readOne(given: string, allowed: string[] | null): Promise<Read> {
  const file = path.resolve(given);
  let stat: fs.Stats;
  try {
    // Judged before and after resolving links, and before anything says whether the file exists.
    if (
      allowed &&
      (!isInsideAllowedDir(file, allowed, path.sep) || !isInsideAllowedDir(fs.realpathSync(file), allowed, path.sep))
    ) {
      return { file, rejected: { file, code: 'PATH_NOT_ALLOWED', message: notAllowedMessage(file) } };
    }
    stat = fs.statSync(file);
  } catch (err: unknown) {
    const code = (err as NodeJS.ErrnoException).code;
    return {
      file,
      rejected:
        code === 'ENOENT'
          ? { file, code: 'FILE_NOT_FOUND', message: `${file} does not exist` }
          : { file, code: 'FILE_UNREADABLE', message: `${file} cannot be read (${code ?? 'unknown error'})` },
    };
  }
  if (!stat.isFile()) return { file, rejected: { file, code: 'NOT_A_FILE', message: `${file} is not a regular file` } };
  try {
    const read = await sniffAndHash(file, path.basename(file));
    if (!read.ok) return { file, rejected: { file, code: read.code, message: read.message } };
    return { file, sha256: read.sha256, bytes: read.bytes };
  } catch (err: unknown) {
    return {
      file,
      rejected: { file, code: 'FILE_UNREADABLE', message: `${file} cannot be read (${(err as Error).message})` },
    };
  }
}
