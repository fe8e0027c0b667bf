import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { Memory } from '../../src/shared/contract';
import { runCli } from '../../src/main/cli/main';
import { openLifeline } from '../../src/main/lifeline';
import { closeAfterEach } from '../support/close-after-each';
import { doneItem } from '../support/done-item';
import { queueFixture } from '../support/queue-fixture';
import { tempDir } from '../support/temp-dir';

const opened = closeAfterEach();

async function cliOut(args: string[]): Promise<string> {
  let stdout = '';
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((stdout += String(chunk)), true));
  try {
    expect(await runCli(args)).toBe(0);
  } finally {
    spy.mockRestore();
  }
  return stdout;
}

describe('search when no hit has every word', () => {
  it('finds "call alice" where the recogniser heard "tell alice", says these are close matches, and shows the memory and its segment as one', async () => {
    const dataDir = path.join(tempDir(), 'data');
    const f = queueFixture(dataDir);
    const rent: Memory = { kind: 'todo', text: 'tell alice about the rent', at: null, source: { start: 4, end: 7, text: 'tell alice about the rent' } };
    await doneItem(f, 'notes.wav', [{ start: 0, end: 4, text: 'good morning' }, { start: 4, end: 7, text: 'tell alice about the rent' }], [rent]);
    f.store.close();
    const app = opened.track(openLifeline({ dataDir, withEngine: false, processName: 'test', env: {} }));

    const r = await app.call('search:query', { query: 'call alice' });
    expect(r.ok && r.value.exactCount).toBe(0);
    expect(r.ok && r.value.hits).toMatchObject([{ kind: 'todo', match: 'close', start: 4, transcript: { start: 4, snippet: expect.stringContaining('[alice]') } }]);

    const exact = await app.call('search:query', { query: 'alice rent' });
    expect(exact.ok && exact.value).toMatchObject({ exactCount: 1, hits: [{ kind: 'todo', match: 'all' }] });

    // A word's start finds the word.
    const prefix = await app.call('search:query', { query: 'ali' });
    expect(prefix.ok && prefix.value.hits.map((h) => h.match)).toEqual(['close']);

    const out = await cliOut(['--data-dir', dataDir, 'search', 'call', 'alice']);
    expect(out).toMatch(/^no exact match; close matches:\nitem +at +kind +file +match\n1 +0:04 +todo +notes\.wav +tell \[alice\] about the rent {2}\(said: tell \[alice\] about the rent\)\n$/);
  });
});
