import type { Migration } from './migration';
import { m0001Initial } from './0001-initial';
import { m0002SelfHealing } from './0002-self-healing';

/** Append, never edit or reorder: a shipped migration has already run on users' stores. */
export const migrations: readonly Migration[] = [m0001Initial, m0002SelfHealing];
