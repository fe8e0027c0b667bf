import type { DataPaths } from '../config/data-dir';
import { storeOn, type Store } from '../store/store';
import { openCheckedDatabase } from './open-checked-database';
import type { RestoreResult } from './restore-store';

/** Opens the store with every check of openCheckedDatabase (a pending restore, a lost or damaged store). */
export function openCheckedStore(
  paths: DataPaths,
  options: { nativeBinding?: string; now: number },
): { store: Store; restored: RestoreResult | null } {
  const { built, restored } = openCheckedDatabase(paths, options, storeOn);
  return { store: built, restored };
}
