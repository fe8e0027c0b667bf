import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/main/config/config';
import { dataPaths } from '../../src/main/config/data-dir';
import { nextDiskLookMs } from '../../src/main/disk/disk-space-policy';
import { openStore } from '../../src/main/store/store';
import { tempDir } from '../support/temp-dir';

// Figures the README states in prose. Each rule is proven on its own (docs/promises.md names the
// test, which runs with the setting as given); these pin the figure the user reads to the default the
// user has, so changing a default without the sentence (or the sentence without the default) fails.
// The settings table in docs/self-healing.md is pinned the same way by src/main/config/settings-docs.test.ts.
const MiB = 1024 ** 2;

describe('the figures the README promises are the defaults a user has', () => {
  it('"running jobs get 30 s to finish" at a stop', () => {
    expect(defaultConfig.shutdownGraceMs).toBe(30_000);
  });

  it('"a stuck scan every 2 s"; a worker that stops answering "is killed within a lease" (10 s)', () => {
    expect(defaultConfig.stuckScanMs).toBe(2_000);
    expect(Object.values(defaultConfig.stages).map((s) => s.leaseMs)).toEqual([10_000, 10_000, 10_000, 10_000]);
  });

  it('"a worker with no job for a minute (workerIdleMs) exits"; "up to 4 worker processes"', () => {
    expect(defaultConfig.workerIdleMs).toBe(60_000);
    expect(defaultConfig.workers).toBe(4);
  });

  it('"the limit being 5" recoveries of a recording', () => {
    expect(defaultConfig.maxRecoveries).toBe(5);
  });

  it('free space is read "every 3 s while it is below health.diskAmberBytes (1 GiB); at the 30 s health round otherwise"', () => {
    expect(defaultConfig.health.diskAmberBytes).toBe(1024 * MiB);
    expect(defaultConfig.health.intervalMs).toBe(30_000);
    expect(nextDiskLookMs('low', defaultConfig.health.intervalMs)).toBe(3_000);
    expect(nextDiskLookMs('ok', defaultConfig.health.intervalMs)).toBe(30_000);
  });

  it('"Below health.diskRedBytes (200 MiB)" intake is refused and stages wait', () => {
    expect(defaultConfig.health.diskRedBytes).toBe(200 * MiB);
  });

  it('the startup gate waits for required services for "health.startupTimeoutMs (30 s)"', () => {
    expect(defaultConfig.health.startupTimeoutMs).toBe(30_000);
  });

  it('the -wal holds "at most the last ~40 MB of writes" (wal_autocheckpoint)', () => {
    const store = openStore(dataPaths(path.join(tempDir(), 'data')));
    try {
      const pages = store.db.pragma('wal_autocheckpoint', { simple: true }) as number;
      const pageSize = store.db.pragma('page_size', { simple: true }) as number;
      expect((pages * pageSize) / MiB).toBeGreaterThanOrEqual(38);
      expect((pages * pageSize) / MiB).toBeLessThanOrEqual(42);
    } finally {
      store.close();
    }
  });
});
