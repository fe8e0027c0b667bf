import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openLifeline } from '../../src/main/lifeline';
import { closeAfterEach } from '../support/close-after-each';
import { valueOf } from '../support/lifeline-calls';
import { addStoredRecordings } from '../support/stored-recordings';
import { tempDir } from '../support/temp-dir';

// README, Backups: "backups/lifeline-<UTC time>-<scheduled|manual|before-migration>.db, mode 0600";
// Where data lives: "the data dir and its folders are 0700 and every file 0600". The store itself is
// private-data-dir.test.ts; a backup is a whole copy of it, so it must be as private.

const closing = closeAfterEach();

describe('a backup', () => {
  it('is named for its time and kind and readable by its owner only, in a folder only its owner can open', async () => {
    const old = process.umask(0o022); // a user's usual umask: the modes must not depend on it
    try {
      const dataDir = path.join(tempDir(), 'data');
      fs.mkdirSync(path.join(dataDir, 'tmp'), { recursive: true });
      const app = closing.track(openLifeline({ dataDir, withEngine: false, processName: 'test' }));
      addStoredRecordings(app, 2);
      const made = await valueOf(app.call('backups:create', {}));
      const list = await valueOf(app.call('backups:list', {}));
      expect(list.backups.map((b) => b.name)).toEqual([made.name]);
      expect(made.name).toMatch(/^lifeline-\d{8}-\d{9}-manual\.db$/);
      const mode = (p: string) => fs.statSync(p).mode & 0o777;
      expect(mode(list.dir)).toBe(0o700);
      expect(mode(path.join(list.dir, made.name))).toBe(0o600);
    } finally {
      process.umask(old);
    }
  });
});
