/** The built file (repo-relative path) when it exists and no source is newer, else null. */
export declare function freshBuild(relative: string, base?: string): string | null;
