/** Globs (repo-relative) of the pure modules; see pure-files.mjs. */
export declare const pureFiles: string[];
