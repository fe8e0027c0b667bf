import type { Migration } from './migration';
import { m0001Initial } from './0001-initial';
import { m0002ItemsListIndex } from './0002-items-list-index';
import { m0003Recordings } from './0003-recordings';
import { m0004WatchedFiles } from './0004-watched-files';

/** Append, never edit or reorder: a shipped migration has already run on users' stores. */
export const migrations: readonly Migration[] = [m0001Initial, m0002ItemsListIndex, m0003Recordings, m0004WatchedFiles];
