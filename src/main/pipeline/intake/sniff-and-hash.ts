import crypto from 'node:crypto';
import fs from 'node:fs';
import { sniffAudio, sniffBytes, type SniffResult } from './audio-sniff';

/** The most read at once, bytes. */
const chunkBytes = 1 << 16;

export type SniffedAndHashed = Exclude<SniffResult, { ok: true }> | { ok: true; sha256: string; bytes: number };

/**
 * The door check and the content hash of a file being added, in one pass: one open file, one
 * buffer sized to the file (a 6 KB memo reads into 8 KB, not a 64 KB stream buffer), the first bytes
 * sniffed (audio-sniff.ts) before anything else is read. A file that is not audio is not hashed.
 * Read errors are thrown for the caller to report.
 */
export async function sniffAndHash(file: string, fileName: string): Promise<SniffedAndHashed> {
  const fh = await fs.promises.open(file, 'r');
  try {
    const { size } = await fh.stat();
    const buffer = Buffer.allocUnsafe(Math.max(sniffBytes, Math.min(chunkBytes, size + 1)));
    let { bytesRead } = await fh.read(buffer, 0, buffer.length, 0);
    const sniffed = sniffAudio(buffer.subarray(0, Math.min(bytesRead, sniffBytes)), fileName, size);
    if (!sniffed.ok) return sniffed;
    const hash = crypto.createHash('sha256');
    let bytes = 0;
    // To the end of the file, as it is now (it may have grown since the stat).
    while (bytesRead > 0) {
      hash.update(buffer.subarray(0, bytesRead));
      bytes += bytesRead;
      ({ bytesRead } = await fh.read(buffer, 0, buffer.length, bytes));
    }
    return { ok: true, sha256: hash.digest('hex'), bytes };
  } finally {
    await fh.close();
  }
}
