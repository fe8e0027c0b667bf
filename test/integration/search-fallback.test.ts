import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Memory } from '../../src/shared/contract';
import { openLifeline } from '../../src/main/lifeline';
import { runCliHere } from '../support/cli-in-process';
import { closeAfterEach } from '../support/close-after-each';
import { doneItem } from '../support/done-item';
import { queueFixture } from '../support/queue-fixture';
import { tempDir } from '../support/temp-dir';

const opened = closeAfterEach();

describe('search when no hit has every word', () => {
  it('finds "call alice" where the recogniser heard "tell alice", says these are close matches, and shows the memory and its segment as one', async () => {
    const dataDir = path.join(tempDir(), 'data');
    const f = queueFixture(dataDir);
    const rent: Memory = {
      kind: 'todo',
      text: 'tell alice about the rent',
      at: null,
      allDay: false,
      repeats: null,
      source: { start: 4, end: 7, text: 'tell alice about the rent' },
    };
    await doneItem(
      f,
      'notes.wav',
      [
        { start: 0, end: 4, text: 'good morning' },
        { start: 4, end: 7, text: 'tell alice about the rent' },
      ],
      [rent],
    );
    f.store.close();
    const app = opened.track(openLifeline({ dataDir, withEngine: false, processName: 'test', env: {} }));

    const r = await app.call('search:query', { query: 'call alice' });
    expect(r.ok && r.value.exactCount).toBe(0);
    expect(r.ok && r.value.hits).toMatchObject([
      { kind: 'todo', match: 'close', start: 4, transcript: { start: 4, snippet: expect.stringContaining('[alice]') } },
    ]);

    const exact = await app.call('search:query', { query: 'alice rent' });
    expect(exact.ok && exact.value).toMatchObject({ exactCount: 1, hits: [{ kind: 'todo', match: 'all' }] });

    // A word's start finds the word.
    const prefix = await app.call('search:query', { query: 'ali' });
    expect(prefix.ok && prefix.value.hits.map((h) => h.match)).toEqual(['close']);

    const out = await runCliHere(dataDir, ['search', 'call', 'alice']);
    expect(out.code).toBe(0);
    expect(out.stdout).toMatch(
      /^no exact match; close matches:\nitem +at +kind +file +match\n1 +0:04 +todo +notes\.wav +tell \[alice\] about the rent {2}\(said: tell \[alice\] about the rent\)\n$/,
    );
  });

  it('finds a word typed with a letter or two wrong ("dentst", "apointment"), and nothing for a word like none indexed', async () => {
    const dataDir = path.join(tempDir(), 'data');
    const f = queueFixture(dataDir);
    await doneItem(f, 'dentist.wav', [{ start: 0, end: 5, text: 'a dentist appointment on tuesday morning' }], []);
    f.store.close();
    const app = opened.track(openLifeline({ dataDir, withEngine: false, processName: 'test', env: {} }));
    for (const query of ['dentst', 'apointment', 'tuesdya']) {
      const r = await app.call('search:query', { query });
      expect(r.ok && r.value, query).toMatchObject({ exactCount: 0, hits: [{ kind: 'transcript', match: 'close' }] });
    }
    // Too far from every indexed word, or too short to guess.
    for (const query of ['dragon', 'tue'.slice(0, 2)]) {
      const r = await app.call('search:query', { query });
      expect(r.ok && r.value.hits, query).toEqual([]);
    }
  });
});
