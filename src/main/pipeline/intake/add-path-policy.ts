/**
 * Which files an add over the API may read. The HTTP API and the desktop window's IPC are reachable
 * by anything holding the token (or a page that slipped past the window's checks), so they may only
 * name files in the places a user keeps recordings: the home folder, the watch folder and the one
 * folder the `addFromDir` setting names. The CLI is the user at a terminal and takes any file they
 * can read (it never calls this).
 *
 * Pure: the caller resolves symlinks first (a link in the home folder to /etc/shadow must be judged
 * by where it leads) and passes the platform's separator.
 */
export function isInsideAllowedDir(file: string, allowedDirs: readonly string[], sep: string): boolean {
  return allowedDirs.some((dir) => {
    if (dir === '') return false;
    const base = dir.endsWith(sep) ? dir : dir + sep;
    return file === dir || file.startsWith(base);
  });
}

/** The message for a refused path: says why and what to do, without saying whether the file exists. */
export function notAllowedMessage(file: string): string {
  return `${file} is outside your home folder and the watch folder; the app adds files only from there (set addFromDir to allow one more folder, or use lifeline add in a terminal)`;
}
