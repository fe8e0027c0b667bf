import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/main/cli/main';
import { dataPaths } from '../../src/main/config/data-dir';
import { killEngineRepeatedlyAndCheck, seedChaosItems } from '../support/chaos-kills';
import { tempDir } from '../support/temp-dir';

const items = 200;
const kills = 6;

describe('chaos on a restored store', () => {
  it(`a store restored from its backup after being lost brings ${items} items through both stages exactly once across ${kills} SIGKILLs`, async () => {
    const dataDir = path.join(tempDir(), 'data');
    const paths = dataPaths(dataDir);
    seedChaosItems(dataDir, items);
    expect(await runCli(['--data-dir', dataDir, 'backup'])).toBe(0);
    fs.truncateSync(paths.database, 0);
    for (const s of ['-wal', '-shm']) fs.rmSync(paths.database + s, { force: true });
    expect(await runCli(['--data-dir', dataDir, 'restore'])).toBe(0);
    await killEngineRepeatedlyAndCheck(dataDir, items, kills);
    // Each kill starts a real process: on a loaded 2-core machine this takes longer than the default minute.
  }, 180_000);
});
