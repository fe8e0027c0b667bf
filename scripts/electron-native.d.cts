export interface PrepareElectronSqliteOptions {
  root: string;
  electronVersion: string;
  env?: NodeJS.ProcessEnv;
  say?: (line: string) => void;
  /** ms; default 60 000. */
  prebuildTimeoutMs?: number;
  /** ms; default 900 000. */
  compileTimeoutMs?: number;
}
export type PrepareElectronSqliteResult = { ok: true; binding: string; built: boolean } | { ok: false; why: string };
export function prepareElectronSqlite(options: PrepareElectronSqliteOptions): PrepareElectronSqliteResult;
export function electronSqlitePath(root: string, electronVersion: string): string;
