/**
 * Which files in tmp/ may go. Every temporary file Lifeline writes names the process that owns it
 * (`upload-<pid>-<hex>.part`, `<sha>.<ext>.<pid>.<hex>.part`, `pocketsphinx-<pid>-<hex>.wav`), so a
 * file whose process is gone is a leftover: a crashed upload's `.part`, a killed worker's WAV of the
 * user's audio. A file of a living process (a second engine, a running CLI) is left alone. A file
 * with no owner in its name is only removed once it is older than `unownedMaxAgeMs`.
 *
 * Pure: the caller lists the directory and says which processes are alive.
 */

/** `-<pid>-<hex>.` or `.<pid>.<hex>.` before a `.part` or `.wav` ending. */
const ownedName = /[.-](\d+)[.-][0-9a-f]{8,16}\.(?:part|wav)$/;

/** The pid that owns a temporary file, from its name, or null when the name does not say. */
export function tempFileOwner(name: string): number | null {
  const m = ownedName.exec(name);
  return m ? Number(m[1]) : null;
}

export interface TempFileEntry {
  name: string;
  /** Last modified, ms since the epoch. */
  mtimeMs: number;
}

/** A day: long enough that nothing still in use is this old untouched. */
export const unownedMaxAgeMs = 24 * 3_600_000;

/** The names to remove: owned by a process that is gone, or unowned and older than a day. */
export function staleTempFiles(
  entries: readonly TempFileEntry[],
  isAlive: (pid: number) => boolean,
  now: number,
): string[] {
  return entries
    .filter((e) => {
      const owner = tempFileOwner(e.name);
      return owner === null ? now - e.mtimeMs > unownedMaxAgeMs : !isAlive(owner);
    })
    .map((e) => e.name);
}

/** The names owned by one process (a worker that just died). */
export function tempFilesOf(names: readonly string[], pid: number): string[] {
  return names.filter((n) => tempFileOwner(n) === pid);
}
