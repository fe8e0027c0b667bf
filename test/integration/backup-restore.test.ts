import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { listBackups } from '../../src/main/store/backup-files';
import { runDoctor } from '../../src/main/backup/doctor';
import { restoreStore } from '../../src/main/backup/restore-store';
import { dataPaths } from '../../src/main/config/data-dir';
import { openLifeline, type Lifeline } from '../../src/main/lifeline';
import { migrate } from '../../src/main/store/migrate';
import { migrations } from '../../src/main/store/migrations';
import { openDatabase } from '../../src/main/store/database';
import { checkStoreFile } from '../../src/main/store/store-copy';
import { writeWav } from '../support/audio-files';
import { closeAfterEach } from '../support/close-after-each';
import { runCliHere } from '../support/cli-in-process';
import { runCli } from '../support/spawn';
import { addStoredRecordings } from '../support/stored-recordings';
import { testStagesFor } from '../support/test-stages';
import { tempDir } from '../support/temp-dir';
import { valueOf } from '../support/lifeline-calls';

const closing = closeAfterEach();
const env = { LIFELINE_WORKERS: '0', LIFELINE_HEALTH_STARTUP_TIMEOUT_MS: '0' };

function open(dataDir: string, withEngine = false): Lifeline {
  fs.mkdirSync(path.join(dataDir, 'tmp'), { recursive: true });
  return closing.track(openLifeline({ dataDir, withEngine, processName: 'test', stages: testStagesFor({}), env }));
}

/** A store with `n` recordings and one verified backup of it, closed. */
async function storeWithBackup(n: number) {
  const dataDir = path.join(tempDir(), 'data');
  const app = open(dataDir);
  addStoredRecordings(app, n);
  const backup = await valueOf(app.call('backups:create', {}));
  await closing.close(app);
  return { dataDir, paths: dataPaths(dataDir), backup };
}

describe('backups, restore and doctor', () => {
  it('backs the store up online, verifies every copy and keeps only the newest as many as the setting says', async () => {
    const app = open(path.join(tempDir(), 'data'), true);
    await app.start();
    addStoredRecordings(app, 3);
    await valueOf(app.call('settings:set', { values: { 'backup.keep': 2 } }));
    for (let i = 0; i < 3; i++) await valueOf(app.call('backups:create', {}));
    const list = await valueOf(app.call('backups:list', {}));
    expect(list).toMatchObject({ schedule: 'daily', keep: 2, pendingRestore: null });
    expect(list.backups).toHaveLength(2);
    for (const b of list.backups)
      expect(checkStoreFile(path.join(list.dir, b.name))).toMatchObject({ ok: true, items: 3 });
    expect(fs.readdirSync(list.dir).filter((f) => f.endsWith('.partial'))).toEqual([]);
  });

  it('backs up a store written by an older Lifeline before migrating it', () => {
    const file = path.join(tempDir(), 'data', 'lifeline.db');
    fs.mkdirSync(path.dirname(file));
    const old = new Database(file);
    old.pragma('journal_mode = WAL');
    migrate(old, migrations.slice(0, migrations.length - 1));
    old.close();
    openDatabase(file).close();
    const made = listBackups(path.join(path.dirname(file), 'backups'));
    expect(made).toHaveLength(1);
    expect(made[0]!.reason).toBe('before-migration');
    expect(checkStoreFile(made[0]!.file)).toMatchObject({ ok: true, schemaVersion: migrations.length - 1 });
  });

  it('never starts a fresh store when lifeline.db is empty while audio/ holds recordings, and restore brings the items back', async () => {
    const { dataDir, paths, backup } = await storeWithBackup(3);
    fs.truncateSync(paths.database, 0);
    for (const s of ['-wal', '-shm']) fs.rmSync(paths.database + s, { force: true });

    expect(() => open(dataDir)).toThrow(
      /is empty \(0 bytes\) while audio\/ holds 3 recordings; Lifeline did not start a fresh, empty store/,
    );
    const cli = await runCliHere(dataDir, ['status']);
    expect(cli.code).toBe(1);
    expect(cli.stderr).toContain(`put back the newest good backup (${backup.name}, 3 items) with \`lifeline restore\``);
    expect(cli.stderr).toContain('`lifeline doctor --rebuild`');
    const serve = await runCli(dataDir, ['serve', '--port', '0']);
    expect(serve.code).toBe(1);
    expect(serve.stderr).toMatch(/^lifeline: the store .* is empty \(0 bytes\)/);
    expect(fs.statSync(paths.database).size, 'nothing was written over the damaged file').toBe(0);

    const restored = await runCliHere(dataDir, ['restore']);
    expect(restored.code, restored.stderr).toBe(0);
    expect(restored.stdout).toContain(`restored 3 items from ${path.join(dataDir, 'backups', backup.name)}`);
    const doctor = await runCliHere(dataDir, ['doctor', '--json']);
    expect(doctor.code, doctor.stderr).toBe(0);
    const report = JSON.parse(doctor.stdout) as { checks: { name: string; status: string }[]; orphans: string[] };
    expect(report.checks.find((c) => c.name === 'store')).toMatchObject({ status: 'ok' });
    expect(report.orphans).toEqual([]);
    expect(open(dataDir).store.reads.count({})).toBe(3);
  });

  it('refuses a store that was already started fresh (no items) while audio/ holds recordings, and rebuild brings them back', async () => {
    const dataDir = path.join(tempDir(), 'data');
    const app = open(dataDir);
    addStoredRecordings(app, 2);
    await closing.close(app);
    const paths = dataPaths(dataDir);
    for (const s of ['', '-wal', '-shm']) fs.rmSync(paths.database + s, { force: true });
    // What an older Lifeline did with a lost store: a fresh, empty one.
    openDatabase(paths.database).close();

    expect(() => open(dataDir)).toThrow(/holds no items while audio\/ holds 2 recordings/);
    const rebuilt = await runCliHere(dataDir, ['doctor', '--rebuild']);
    expect(rebuilt.code, rebuilt.stderr).toBe(0);
    expect(rebuilt.stdout).toContain('re-added 2 stored recordings');
    expect(open(dataDir).store.reads.count({})).toBe(2);
  });

  it('says a truncated database is damaged and how to get it back (exit 1), instead of "malformed" with no way forward', async () => {
    const { dataDir, paths } = await storeWithBackup(2);
    fs.truncateSync(paths.database, Math.floor(fs.statSync(paths.database).size / 2));
    const r = await runCliHere(dataDir, ['items']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /^lifeline: the store .* (is damaged|cannot be read) .*`lifeline restore`.*`lifeline doctor --rebuild`/,
    );
  });

  it('rebuilds a lost store from the stored recordings when there is no backup, moving the damaged file aside', async () => {
    const dataDir = path.join(tempDir(), 'data');
    const app = open(dataDir);
    addStoredRecordings(app, 4);
    await closing.close(app);
    const paths = dataPaths(dataDir);
    fs.writeFileSync(paths.database, 'this is not a database, it was overwritten by accident');
    for (const s of ['-wal', '-shm']) fs.rmSync(paths.database + s, { force: true });

    const refused = await runCliHere(dataDir, ['status']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('there is no good backup to put back');
    const rebuilt = await runCliHere(dataDir, ['doctor', '--rebuild']);
    expect(rebuilt.code, rebuilt.stderr).toBe(0);
    expect(rebuilt.stdout).toMatch(/the damaged store was moved to .*replaced-.*\nre-added 4 stored recordings/);
    const again = open(dataDir);
    expect(again.store.reads.list({ limit: 10 }).map((i) => [i.stage, i.state])).toEqual(
      Array(4).fill(['ingest', 'queued']),
    );
    expect(runDoctor(paths, Date.now()).orphans).toEqual([]);
  });

  it('refuses to restore under a running engine, and a restore chosen in Settings happens at the next start', async () => {
    const dataDir = path.join(tempDir(), 'data');
    const app = open(dataDir, true);
    await app.start();
    addStoredRecordings(app, 2);
    const b = await valueOf(app.call('backups:create', {}));
    addStoredRecordings(app, 1);
    expect(() => restoreStore(dataPaths(dataDir), { now: Date.now() })).toThrow(
      /a running Lifeline \(pid \d+\) has this store open/,
    );
    const chosen = await valueOf(app.call('backups:restoreAtRestart', { name: b.name }));
    expect(chosen.message).toBe(
      `${b.name} will replace the store when Lifeline next starts; restart it to finish the restore`,
    );
    expect((await valueOf(app.call('backups:list', {}))).pendingRestore).toBe(b.name);
    await closing.close(app);

    const after = open(dataDir);
    expect(after.store.reads.count({})).toBe(2);
    const doctor = await valueOf(after.call('backups:doctor', {}));
    expect(doctor.checks.find((c) => c.name === 'audio')).toMatchObject({
      status: 'warn',
      message: expect.stringContaining('1 stored recordings belong to no item'),
    });
  });

  it('keeps an acknowledged add even when the -wal file is lost right after', async () => {
    const dataDir = path.join(tempDir(), 'data');
    const app = open(dataDir, true);
    await app.start();
    const wav = writeWav(path.join(tempDir(), 'memo.wav'), { seconds: 1 });
    const added = await valueOf(app.call('items:add', { paths: [wav] }));
    // A crash that loses the -wal: only the database file is left (copied while the store is still open).
    const survivor = path.join(tempDir(), 'after-crash');
    fs.mkdirSync(survivor);
    fs.copyFileSync(app.paths.database, path.join(survivor, 'lifeline.db'));
    const db = new Database(path.join(survivor, 'lifeline.db'), { readonly: true });
    expect(db.prepare(`SELECT id, file_name FROM items`).all()).toEqual([
      { id: added.added[0]!.id, file_name: 'memo.wav' },
    ]);
    db.close();
  });
});
