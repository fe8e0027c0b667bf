export interface Migration {
  /** Strictly increasing from 1 with no gaps; the file is named NNNN-name.ts after it. */
  version: number;
  name: string;
  sql: string;
}
