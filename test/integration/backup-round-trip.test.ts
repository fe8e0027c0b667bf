import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runDoctor } from '../../src/main/backup/doctor';
import { runCli } from '../../src/main/cli/main';
import { dataPaths } from '../../src/main/config/data-dir';
import { seedFinishedItems, storeCounts } from '../support/seed-store';
import { tempDir } from '../support/temp-dir';

const items = 10_000;

describe('backup → damage → restore round trip', () => {
  it(`brings back a store of ${items.toLocaleString('en')} items with their transcripts and memories after the database file is damaged`, async () => {
    const dataDir = path.join(tempDir(), 'data');
    const paths = dataPaths(dataDir);
    seedFinishedItems(dataDir, items);
    const before = storeCounts(dataDir);
    expect(before).toMatchObject({ items, done: items, transcriptChunks: items, memories: 2 * items });
    expect(before.searchHits).toBe(2 * items);

    expect(await runCli(['--data-dir', dataDir, 'backup'])).toBe(0);

    // Damage: 64 KiB of the database file overwritten in the middle, and the -wal lost.
    const size = fs.statSync(paths.database).size;
    const fd = fs.openSync(paths.database, 'r+');
    fs.writeSync(fd, Buffer.alloc(64 * 1024, 0xa5), 0, 64 * 1024, Math.floor(size / 2));
    fs.closeSync(fd);
    for (const s of ['-wal', '-shm']) fs.rmSync(paths.database + s, { force: true });
    expect(runDoctor(paths, Date.now()).checks.find((c) => c.name === 'store')?.status).toBe('fail');
    expect(await runCli(['--data-dir', dataDir, 'doctor'])).toBe(1);

    expect(await runCli(['--data-dir', dataDir, 'restore'])).toBe(0);
    const report = runDoctor(paths, Date.now());
    expect(report.checks.filter((c) => c.status === 'fail')).toEqual([]);
    expect(report.checks.find((c) => c.name === 'store')?.message).toMatch(
      new RegExp(`^integrity check ok: ${items} items, schema \\d+$`),
    );
    expect(await runCli(['--data-dir', dataDir, 'doctor'])).toBe(0);
    expect(storeCounts(dataDir)).toEqual(before);
    // The damaged file was kept for inspection, not deleted.
    expect(fs.readdirSync(path.join(dataDir, 'backups')).some((f) => f.startsWith('replaced-'))).toBe(true);
  });
});
