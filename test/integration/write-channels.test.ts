import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { channelNames, contract } from '../../src/shared/contract';
import { openLifeline } from '../../src/main/lifeline';
import { closeAfterEach } from '../support/close-after-each';
import { repoRoot } from '../support/spawn';
import { tempDir } from '../support/temp-dir';

const closing = closeAfterEach();

describe('write channels are marked once, in the contract', () => {
  it('a write pushes its changes and wakes the engine once; a read does neither', async () => {
    const app = closing.track(openLifeline({ dataDir: tempDir(), withEngine: true, processName: 'test' }));
    const wake = vi.spyOn(app.engine!, 'wake');
    const changed = vi.spyOn(app.engine!, 'changed');
    expect(contract['items:retryAllDead'].writes).toBe(true);
    expect(contract['items:list'].writes).toBe(false);

    expect((await app.call('items:list', { limit: 10 })).ok).toBe(true);
    expect((await app.call('overview:get', {})).ok).toBe(true);
    expect(wake).not.toHaveBeenCalled();

    expect((await app.call('items:retryAllDead', {})).ok).toBe(true);
    expect(wake).toHaveBeenCalledTimes(1);
    expect(changed).toHaveBeenCalledTimes(1);
    expect((await app.call('settings:set', { values: { stuckScanMs: 3000 } })).ok).toBe(true);
    expect(wake).toHaveBeenCalledTimes(2);

    // A refused write changed nothing, so nothing is pushed.
    expect((await app.call('items:retry', { id: 404 })).ok).toBe(false);
    expect(wake).toHaveBeenCalledTimes(2);
  });

  it('no handler remembers the follow-up itself (only a bulk action shows progress part-way)', () => {
    const dir = path.join(repoRoot, 'src/main/api');
    const calls = fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('-handlers.ts'))
      .filter((f) => /ctx\.afterWrite\(\)/.test(fs.readFileSync(path.join(dir, f), 'utf8')));
    expect(calls).toEqual(['bulk-handlers.ts']);
    expect(channelNames.filter((c) => contract[c].writes).length).toBeGreaterThan(10);
  });
});
