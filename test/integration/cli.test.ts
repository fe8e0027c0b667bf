import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { itemStates } from '../../src/shared/contract';
import { writeBrokenAudio, writeFakeWav, writeWav } from '../support/audio-files';
import { runCliHere } from '../support/cli-in-process';
import { runCli } from '../support/spawn';
import { tempDir } from '../support/temp-dir';
import { localTime } from '../../src/main/cli/format';

describe('the lifeline CLI', () => {
  it('adds files, reports duplicates and missing files, and answers status/items/show in the documented JSON shapes', async () => {
    const dir = tempDir();
    const data = path.join(dir, 'data');
    const wav = writeWav(path.join(dir, 'memo.wav'), { seconds: 1 });
    const bad = writeBrokenAudio(path.join(dir, 'notes.wav'));

    const add = await runCliHere(data, ['add', wav, bad, wav, '--priority', '3']);
    expect(add.code, add.stderr).toBe(0);
    expect(add.stdout).toMatch(/^added 1 .*memo\.wav\nadded 2 .*notes\.wav\nduplicate of 1 .*memo\.wav\n$/);

    const status = JSON.parse((await runCliHere(data, ['status', '--json'])).stdout) as {
      items: Record<string, number>;
      total: number;
    };
    expect(Object.keys(status.items).sort()).toEqual([...itemStates].sort());
    expect(status.items.queued).toBe(2);
    expect(status.total).toBe(2);

    const items = JSON.parse((await runCliHere(data, ['items', '--json'])).stdout) as Record<string, unknown>[];
    expect(items).toHaveLength(2);
    expect(items[0]).toMatchObject({
      id: 2,
      file: bad,
      state: 'queued',
      stage: 'ingest',
      attempts: 0,
      error: null,
      priority: 3,
    });

    const filtered = JSON.parse((await runCliHere(data, ['items', '--state', 'dead', '--json'])).stdout) as unknown[];
    expect(filtered).toEqual([]);

    const show = JSON.parse((await runCliHere(data, ['show', '1', '--json'])).stdout) as {
      id: number;
      createdAt: string;
      events: Record<string, unknown>[];
    };
    expect(show).toMatchObject({ id: 1, file: wav, state: 'queued' });
    // Until ingest reads when it was recorded, the time it was added stands in, and says so.
    expect(show).toMatchObject({ recordedAt: show.createdAt, recordedFrom: 'added' });
    expect((await runCliHere(data, ['show', '1'])).stdout).toContain(
      `recorded ${localTime(show.createdAt)}, the time it was added; when it was recorded is not known`,
    );
    expect(show.events).toHaveLength(1);
    expect(Object.keys(show.events[0]!)).toEqual(expect.arrayContaining(['at', 'type', 'stage', 'detail']));
    expect(show.events[0]).toMatchObject({ type: 'added', stage: 'ingest', actor: 'user' });

    const human = await runCliHere(data, ['status']);
    expect(human.stdout).toContain('2 items');
  });

  it('refuses a text file renamed .wav at the door, saying what it is, and adds the real audio beside it', async () => {
    const dir = tempDir();
    const data = path.join(dir, 'data');
    const wav = writeWav(path.join(dir, 'memo.wav'), { seconds: 1 });
    const readme = writeFakeWav(
      path.join(dir, 'README.wav'),
      '# My project\n\nprivate words that must not be echoed\n',
    );
    const add = await runCli(data, ['add', wav, readme]);
    expect(add.code).toBe(1);
    expect(add.stdout).toMatch(/^added 1 .*memo\.wav\n$/);
    expect(add.stderr).toContain('README.wav is not audio: it holds text');
    expect(add.stderr).not.toContain('private words');
    const items = JSON.parse((await runCli(data, ['items', '--json'])).stdout) as { fileName: string }[];
    expect(items.map((i) => i.fileName)).toEqual(['memo.wav']);
  });

  it('exits 1 with one line for a user error, and changes nothing', async () => {
    const dir = tempDir();
    const data = path.join(dir, 'data');
    const missing = await runCliHere(data, ['add', path.join(dir, 'nope.wav')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('does not exist');

    const noItem = await runCliHere(data, ['show', '42']);
    expect(noItem.code).toBe(1);
    expect(noItem.stderr.trim()).toBe('lifeline: there is no item 42');

    const badId = await runCliHere(data, ['retry', 'abc']);
    expect(badId.code).toBe(1);
    expect(badId.stderr.trim().split('\n')).toHaveLength(1);

    const wav = writeWav(path.join(dir, 'memo.wav'), { seconds: 1 });
    await runCliHere(data, ['add', wav]);
    const notDead = await runCliHere(data, ['retry', '1']);
    expect(notDead.code).toBe(1);
    expect(notDead.stderr.trim()).toBe('lifeline: item 1 is queued; only dead or cancelled items can be retried');

    const unknown = await runCliHere(data, ['frobnicate']);
    expect(unknown.code).toBe(1);

    const badState = await runCliHere(data, ['items', '--state', 'exploded']);
    expect(badState.code).toBe(1);

    const status = JSON.parse((await runCliHere(data, ['status', '--json'])).stdout) as { total: number };
    expect(status.total).toBe(1);
  });

  it('cancels, retries and discards an item', async () => {
    const dir = tempDir();
    const data = path.join(dir, 'data');
    await runCliHere(data, ['add', writeWav(path.join(dir, 'memo.wav'), { seconds: 1 })]);
    expect((await runCliHere(data, ['cancel', '1'])).stdout.trim()).toBe('item 1 cancelled');
    expect((await runCliHere(data, ['retry', '1'])).stdout.trim()).toBe('item 1 requeued at ingest');
    expect((await runCliHere(data, ['discard', '1'])).stdout.trim()).toBe('item 1 discarded');
    const items = JSON.parse((await runCliHere(data, ['items', '--json'])).stdout) as unknown[];
    expect(items).toEqual([]);
    const show = JSON.parse((await runCliHere(data, ['show', '1', '--json'])).stdout) as {
      state: string;
      events: { type: string; actor: string }[];
    };
    expect(show.state).toBe('discarded');
    expect(show.events.map((e) => e.type)).toEqual(['added', 'cancelled', 'retried', 'discarded']);
    expect(show.events.slice(1).every((e) => e.actor === 'user')).toBe(true);
  });

  it('fails with a clear message when the store was written by a newer Lifeline (the real binary, its real exit code)', async () => {
    const dir = tempDir();
    const data = path.join(dir, 'data');
    await runCli(data, ['status']);
    const Database = (await import('better-sqlite3')).default;
    const db = new Database(path.join(data, 'lifeline.db'));
    db.pragma('user_version = 999');
    db.close();
    const r = await runCli(data, ['status']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('newer Lifeline');
  });
});
